"""Ingest: read and extract documents in worker processes, store them from one writer.

Why processes: extraction is CPU-bound Python (one core per process), and a hostile file
(a zip bomb, a pathological text) must not take the batch down. Each worker has a memory
ceiling (RLIMIT_AS, its size after start-up plus ``Limits.worker_mb``) and a time limit per
document (SIGALRM in the worker, and the parent kills a worker that overruns even that). A
document that fails, overruns or crashes its worker is recorded as a failure for that file;
the batch goes on and the main process writes every good document.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from koopatlas import config

#: Documents written per transaction by the single writer.
BATCH = 200

#: Seconds the parent adds to the per-document limit before it kills a stuck worker.
GRACE_S = 1.5
#: Documents queued per worker: enough to keep workers busy while a batch is written, few enough
#: that a crashed pool has only a handful of suspects to re-run one at a time.
IN_FLIGHT = 8
#: Documents per task sent to a worker: each task costs the writer process a few hundred µs of
#: pickling, pipe traffic and future bookkeeping, time the two workers need on a two-core machine.
CHUNK = 4


@dataclass
class Outcome:
    """What one input came to: a document with its event, already stored, or a failure."""

    item: str
    #: the document and its event as table rows (store.event_rows), built in the worker: a third of
    #: the bytes of the objects and a quarter of the writer's time to unpickle them
    rows: dict[str, list[dict]] | None = None
    unchanged: bool = False
    doc_id: str | None = None
    error: str | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Report:
    stored: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    #: one record per input: item, status (stored / unchanged / failed), message, warnings, seconds
    records: list[dict] = field(default_factory=list)

    @property
    def docs_per_s(self) -> float:
        done = self.stored + self.unchanged + len(self.failures)
        return done / self.seconds if self.seconds else 0.0


class DocumentTimeout(Exception):
    pass


_worker: dict = {}


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise DocumentTimeout


def _watch_parent(pid: int) -> None:
    """End this worker when the ingest that started it is gone (killed with -9, it cannot say so)."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _init_worker(db: str, skip_known: bool, starts, parent: int) -> None:
    """Load the extractor (and the ids of stored documents, to skip them) once per worker, then cap
    the worker's memory."""
    from koopatlas import ingest_preload, queries, store
    from koopatlas.extract import Extractor

    _watch_parent(parent)
    con = store.connect(Path(db), read_only=True)
    try:
        shared = ingest_preload.extractor
        if shared is not None and ingest_preload.fingerprint == ingest_preload.fingerprint_of(con):
            _worker["extractor"] = shared  # built once in the forkserver: no 3 s start per worker
        else:
            _worker["extractor"] = Extractor.from_db(con)
        _worker["known"] = set(queries.run(con, "document_ids")["doc_id"]) if skip_known else set()
    finally:
        con.close()
    _worker["starts"] = starts
    signal.signal(signal.SIGALRM, _alarm)
    limits = config.limits()
    start = _vm_bytes()
    if start:
        ceiling = start + int(limits.worker_mb * 1e6)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _vm_bytes() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def process(item: str, extractor=None, seconds: float | None = None, known: frozenset = frozenset(),
            token: int | None = None) -> Outcome:
    """Read and extract one input within the time limit; every failure becomes an Outcome.
    A document whose id is already stored (``known``) is not extracted again. In a worker, the
    start is reported (``token``) so the parent's clock for this document starts now."""
    t0 = time.monotonic()
    if token is not None and _worker.get("starts") is not None:
        _worker["starts"].put((token, t0))
    outcome = _process(item, extractor or _worker["extractor"], seconds or config.limits().seconds,
                       known or _worker.get("known", frozenset()))
    outcome.seconds = time.monotonic() - t0
    return outcome


def process_chunk(chunk: list[tuple[str, int]]) -> list[Outcome]:
    """:func:`process` for several (item, token) pairs in a worker, one after the other."""
    return [process(item, token=token) for item, token in chunk]


def _process(item: str, extractor, seconds: float, known) -> Outcome:
    from koopatlas.sources import SourceError, load

    in_worker = bool(_worker)
    if in_worker:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        doc = load(item)
        if doc.id in known:
            return Outcome(item, unchanged=True, doc_id=doc.id)
        from koopatlas.store import event_rows

        event = extractor.extract(doc)
        return Outcome(item, event_rows(doc, event), doc_id=doc.id, warnings=list(doc.warnings))
    except DocumentTimeout:
        return Outcome(item, error=f"{item}: took longer than {seconds:g} s, given up (KOOPATLAS_MAX_SECONDS_PER_DOC)")
    except MemoryError:
        return Outcome(item, error=f"{item}: needs more memory than the limit of "
                                   f"{config.limits().worker_mb:g} MB per document (KOOPATLAS_MAX_WORKER_MB)")
    except SourceError as exc:
        return Outcome(item, error=str(exc))
    except RecursionError:
        return Outcome(item, error=f"{item}: nested too deeply to read")
    except Exception as exc:  # a library's own error for a broken file
        return Outcome(item, error=f"{item}: {type(exc).__name__}: {exc}")
    finally:
        if in_worker:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _pool(db: Path, workers: int, skip_known: bool, context, starts) -> ProcessPoolExecutor:
    # forkserver: workers are forked from a clean single-threaded server that has the extractor's
    # modules imported (fast start), never from this process with its open DuckDB threads
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(str(db), skip_known, starts, os.getpid()))


def outcomes(items: list[str], db: Path, workers: int, skip_known: bool = False) -> Iterator[Outcome]:
    """Every item's Outcome, in completion order, from a pool of ``workers`` processes.

    At most IN_FLIGHT documents per worker are queued (the workers go on while this process writes a
    batch), CHUNK to a task. A document still running at the time limit
    plus GRACE_S (stuck in a C library, where the worker's own alarm cannot interrupt it) fails
    as too slow, and the pool is replaced. A worker that dies (killed by the kernel, a crash in a
    C library) breaks the pool without saying which document did it: the items in flight are
    then re-run one at a time, so only the culprit fails. So does a pool where nothing begins or
    ends for the time limit plus GRACE_S (a worker stopped between documents).
    """
    import itertools
    import multiprocessing

    from koopatlas import ingest_preload

    limit = config.limits().seconds
    # forkserver: workers are forked from a clean single-threaded server that has the extractor's
    # modules imported (fast start), never from this process with its open DuckDB threads
    context = multiprocessing.get_context("forkserver")
    # the forkserver builds the extractor once for all workers (read when it starts, i.e. only by
    # the first ingest of this process; a later ingest's workers check the fingerprint)
    preset = ingest_preload.ENV in os.environ
    os.environ.setdefault(ingest_preload.ENV, str(db))
    context.set_forkserver_preload(["koopatlas.extract", "koopatlas.sources", "koopatlas.ingest_preload"])
    begun: dict[int, float] = {}
    tokens = itertools.count()
    pending = list(reversed(items))
    suspects: list[str] = []
    try:
        while pending or suspects:
            alone = bool(suspects)
            queue = suspects if alone else pending
            # (token, monotonic time) when a worker begins a document; one queue per pool, as a worker
            # killed while writing to it would leave its lock taken
            starts = context.SimpleQueue()
            pool = _pool(db, 1 if alone else workers, skip_known, context, starts)
            running: dict[Future, list[tuple[str, int]]] = {}  # a task's documents, in the order it reads them
            in_flight = 0
            progress = None  # when the last document began or task finished (the workers' start-up aside)
            try:
                while queue or running:
                    room = 1 if alone else IN_FLIGHT * workers
                    while queue and in_flight < room:
                        # whole chunks while there is plenty left, single documents at the end (no worker idles)
                        size = 1 if alone else max(1, min(CHUNK, len(queue) // (2 * workers), room - in_flight))
                        chunk = [(queue.pop(), next(tokens)) for _ in range(min(size, len(queue)))]
                        try:
                            future = pool.submit(process_chunk, chunk)
                        except BrokenProcessPool:  # a worker died since the last look: its tasks fail below
                            queue.extend(item for item, _ in reversed(chunk))
                            break
                        running[future] = chunk
                        in_flight += len(chunk)
                    if not running:  # nothing in flight and the pool refused more: a new pool
                        break
                    done, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                    while not starts.empty():
                        token, at = starts.get()
                        begun[token] = at
                        progress = time.monotonic()
                    if done and progress is not None:
                        progress = time.monotonic()
                    broken = False
                    for future in done:
                        chunk = running.pop(future)
                        in_flight -= len(chunk)
                        started = min((begun.pop(token) for _, token in chunk if token in begun), default=time.monotonic())
                        try:
                            results = future.result()
                        except BrokenProcessPool:
                            broken = True
                            if alone:
                                item = chunk[0][0]
                                yield Outcome(item, error=f"{item}: the reader crashed on this file (out of memory "
                                                          "or a broken library call); skipped",
                                              seconds=time.monotonic() - started)
                            else:
                                suspects.extend(item for item, _ in chunk)
                            continue
                        yield from results
                    now = time.monotonic()
                    stuck: list[Future] = []
                    for future, chunk in running.items():
                        reading = [(item, token) for item, token in chunk if token in begun]
                        if reading and now - begun[reading[-1][1]] > limit + GRACE_S:  # the one it reads now
                            item, token = reading[-1]
                            stuck.append(future)
                            yield Outcome(item, error=f"{item}: took longer than {limit:g} s, given up "
                                                      "(KOOPATLAS_MAX_SECONDS_PER_DOC)", seconds=now - begun[token])
                    if running and not stuck and progress is not None and now - progress > limit + GRACE_S:
                        # nothing began or ended for that long, yet no document overran: a worker hangs
                        # outside a document (between tasks). The pool is replaced and its documents re-run
                        # one at a time, so a document that hangs is found by its own clock.
                        broken = True
                    if broken or stuck:  # the pool is gone or has a stuck worker: the rest start again
                        others = []
                        for future, chunk in running.items():
                            reading = [token for _, token in chunk if token in begun]
                            culprit = reading[-1] if future in stuck else None
                            # documents a lost task had already read are read again: their results died with it
                            others += [item for item, token in chunk if token != culprit]
                            for _, token in chunk:
                                begun.pop(token, None)
                        (suspects if broken else queue).extend(others)
                        running.clear()
                        break
            finally:
                _kill(pool)
    finally:  # the variable is for the forkserver's start only, not for this process afterwards
        if not preset:
            os.environ.pop(ingest_preload.ENV, None)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, killing workers stuck in a document."""
    for proc in list(getattr(pool, "_processes", {}).values()):
        if proc.is_alive():
            proc.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _store(con, batch: list[tuple[Outcome, dict]], report: Report) -> None:
    """Write a batch in one transaction; if the database refuses it, each document alone, so
    only the offending one fails."""
    from koopatlas import store

    if not batch:
        return
    try:
        store.save_rows(con, [o.rows for o, _ in batch])
        report.stored += len(batch)
    except Exception:
        for o, record in batch:
            try:
                store.save_rows(con, [o.rows])
                report.stored += 1
            except Exception as exc:  # a row the database refuses: this document only
                report.failures.append(f"{o.item}: not stored ({type(exc).__name__}: {exc})")
                record.update(status="failed", message=report.failures[-1])
    batch.clear()


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def ingest(items: list[str], db: Path | None = None, force: bool = False, workers: int | None = None,
           progress: bool = True) -> Report:
    """Extract and store ``items`` (files and URLs) into ``db``; one bad file never stops the others."""
    from tqdm import tqdm

    from koopatlas import store

    db = db or config.db_path()
    if not db.is_file():
        raise FileNotFoundError(f"{db} does not exist: run `make build` (or `python -m koopatlas geo`) first")
    workers = workers or default_workers()
    report = Report(workers=workers)
    t0 = time.perf_counter()
    with store.writable(db, incremental=True) as con:
        bar = tqdm(total=len(items), desc="Einlesen", unit="Dok.", disable=not progress or len(items) < 5,
                   file=sys.stderr)
        seen: set[str] = set()
        batch: list[tuple[Outcome, dict]] = []
        for outcome in outcomes(items, db, workers, skip_known=not force):
            bar.update(1)
            report.warnings += outcome.warnings
            status = "stored"
            if outcome.error:
                report.failures.append(outcome.error)
                status = "failed"
            elif outcome.unchanged or outcome.doc_id in seen:  # stored before, or the same text twice
                report.unchanged += 1
                status = "unchanged"
            record = {"item": outcome.item, "status": status, "message": outcome.error,
                      "warnings": outcome.warnings, "seconds": round(outcome.seconds, 3)}
            report.records.append(record)
            if status == "stored":
                seen.add(outcome.doc_id)
                batch.append((outcome, record))
                if len(batch) >= BATCH:
                    _store(con, batch, report)
        _store(con, batch, report)
        bar.close()
    report.seconds = time.perf_counter() - t0
    return report
