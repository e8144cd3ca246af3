"""Hostile input never takes the batch down.

Every input is made here at test time (no binaries in the repository) and ingested through the
real command line in a subprocess, into a copy of the real database, together with good press
releases: the test checks the message for each bad input, the exit code, that the good files are
stored, that what was stored before is still there, and the memory of the whole process tree.
"""

from __future__ import annotations

import http.server
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import duckdb
import pypdf
import pytest
from makers import pdf_with_text

ROOT = Path(__file__).resolve().parent.parent
GOOD = {
    "gut_partnerschaft.txt": (
        "Partnerschaft besiegelt\nDer Landkreis Görlitz und der Landkreis Bautzen unterzeichneten am 12. März 2024 "
        "in Bautzen eine Vereinbarung zur gemeinsamen Wirtschaftsförderung. Landrat Udo Witschas empfing dazu "
        "die Delegation aus Görlitz.\n"
    ),
    "gut_besuch.txt": (
        "Besuch aus Osnabrück\nEine Delegation des Landkreises Osnabrück besuchte 2023 den Burgenlandkreis, um "
        "über die Zusammenarbeit bei der Arbeitsvermittlung zu sprechen.\n"
    ),
}


# ---------------------------------------------------------------- the inputs


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip_bomb(entry_mb: int) -> bytes:
    """A .docx-shaped zip whose document.xml inflates to ``entry_mb`` MB of zeros (~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            block = b"\0" * (1 << 20)
            for _ in range(entry_mb):
                entry.write(block)
    return out.getvalue()


def _lying_zip_bomb() -> bytes:
    """A zip bomb that declares its document.xml to be 1 KB (both headers patched)."""
    data = bytearray(_zip_bomb(60))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature, 0 if signature == b"PK\x03\x04" else data.find(b"PK\x01\x02"))
        while at != -1:
            name_len = int.from_bytes(data[at + (26 if signature == b"PK\x03\x04" else 28):][:2], "little")
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(data[name_at:name_at + name_len]) == b"word/document.xml":
                size = int.from_bytes(data[at + offset:at + offset + 4], "little")
                if size != 0xFFFFFFFF:  # not zip64
                    data[at + offset:at + offset + 4] = (1024).to_bytes(4, "little")
            at = data.find(signature, at + 4)
    return bytes(data)


def _many_entries_docx(n: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for i in range(n):
            archive.writestr(f"word/media/bild{i}.bin", b"x")
    return out.getvalue()


def _encrypted_pdf(text_lines: list[str] | None, user_password: str) -> bytes:
    source = pdf_with_text(text_lines) if text_lines else None
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(source))) if source else pypdf.PdfWriter()
    if not source:
        writer.add_blank_page(200, 200)
    writer.encrypt(user_password=user_password, owner_password="eigentümer", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _eml_with_attachments() -> bytes:
    import email.message

    message = email.message.EmailMessage()
    message["Subject"] = "Städtepartnerschaft Lünen und Essen"
    message["From"] = "presse@example.invalid"
    message["Date"] = "Tue, 05 Mar 2024 10:00:00 +0100"
    message.set_content("Die Städte Lünen und Essen vereinbarten eine Zusammenarbeit bei der Digitalisierung.")
    message.add_attachment(os.urandom(300_000), maintype="application", subtype="octet-stream", filename="anhang.bin")
    message.add_attachment(_zip_bomb(30), maintype="application", subtype="zip", filename="bombe.docx")
    return message.as_bytes()


def _eml_attachment_only() -> bytes:
    import email.message

    message = email.message.EmailMessage()
    message["Subject"] = "Nur ein Anhang"
    message.make_mixed()
    attachment = email.message.EmailMessage()
    attachment.set_content(os.urandom(1000), maintype="application", subtype="pdf", filename="scan.pdf")
    message.attach(attachment)
    return message.as_bytes()


#: file name → (bytes, expected status, pattern the message or warning must contain)
def make_files(folder: Path) -> dict[str, tuple[str, str]]:
    """Writes the hostile files into ``folder``; returns name → (status, message fragment)."""
    expect: dict[str, tuple[str, str]] = {}

    def put(name: str, data: bytes | str, status: str, fragment: str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = (status, fragment)

    put("leer.txt", b"", "failed", "empty file")
    put("binär.txt", bytes(range(1, 256)) * 200, "failed", "binary data")
    put("nullbytes.txt", b"Landkreis Harz\0\0\0 und Goslar\0", "failed", "binary data")
    put("zufall.html", os.urandom(20_000), "failed", "")
    put("riesig.txt", b"Landkreis Harz. " * (25_000_000 // 16), "failed", "over the limit of 20 MB")
    put("eine_zeile.txt", "Der Landkreis Harz und der Landkreis Goslar arbeiten zusammen. " * 70_000, "stored",
        "cut to")
    put("million_zeilen.txt", "Kreistag\n" * 1_000_000, "stored", "cut to")
    put("latin1.txt", "Der Landkreis Görlitz und die Stadt Löbau: Zusammenarbeit für Straßen.".encode("latin-1"),
        "stored", "")
    put("cp1252.txt", "„Kooperation“ – der Kreis Düren und die Städteregion Aachen".encode("cp1252"), "stored", "")
    put("utf16.txt", "Der Landkreis Görlitz und der Landkreis Bautzen vereinbaren eine Partnerschaft."
        .encode("utf-16"), "stored", "")
    put("falsch_deklariert.html", b'<html><head><meta charset="utf-8"><title>Treffen</title></head><body><p>'
 + "Die Gemeinde Görwihl und die Stadt Waldshut-Tiengen kooperieren.".encode("latin-1")
        + b"</p></body></html>", "stored", "")
    put("verschachtelt.html", "<html><body>" + "<div>" * 100_000 + "Landkreis Harz" + "</div>" * 100_000
        + "</body></html>", "failed", "")
    put("bombe.docx", _zip_bomb(200), "failed", "zip bomb")
    put("lügende_bombe.docx", _lying_zip_bomb(), "failed", "lügende_bombe.docx")
    put("viele_einträge.docx", _many_entries_docx(3000), "failed", "entries in the .docx")
    put("kein_zip.docx", b"Das ist gar kein Word-Dokument.", "failed", "not a valid .docx")
    put("echt.docx", _docx_bytes("Der Landkreis Harz und der Landkreis Goslar gründen einen Zweckverband."),
        "stored", "")
    put("kaputt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF", "failed", "kaputt.pdf")
    put("abgeschnitten.pdf", pdf_with_text(["Landkreis Harz"])[:300], "failed", "abgeschnitten.pdf")
    put("passwort.pdf", _encrypted_pdf(["Landkreis Harz und Landkreis Goslar"], "geheim"), "failed",
        "encrypted PDF with a password")
    put("nur_besitzerpasswort.pdf", _encrypted_pdf(["Der Landkreis Harz und der Landkreis Goslar kooperieren."], ""),
        "stored", "")
    put("ohne_text.pdf", _blank_pdf(), "failed", "no text layer")
    put("mit_anhängen.eml", _eml_with_attachments(), "stored", "")
    put("nur_anhang.eml", _eml_attachment_only(), "failed", "no text or HTML body")
    put("Leer zeichen & Sonder;zeichen $(rm -rf ~) 'x'.txt", GOOD["gut_partnerschaft.txt"].replace("2024", "2022"),
        "stored", "")
    put("-beginnt-mit-strich.txt", "Der Kreis Düren und die Stadt Jülich arbeiten beim Radverkehr zusammen.",
        "stored", "")
    put("ä" * 120 + ".txt", "Die Stadt Halle (Saale) und die Stadt Leipzig planen ein gemeinsames Projekt.",
        "stored", "")
    (folder / "ordner.txt").mkdir()
    expect["ordner.txt"] = ("failed", "is a directory")
    (folder / "schleife.txt").symlink_to(folder / "schleife.txt")
    expect["schleife.txt"] = ("failed", "symbolic link")
    (folder / "ins_leere.txt").symlink_to(folder / "gibt_es_nicht.txt")
    expect["ins_leere.txt"] = ("failed", "symbolic link")
    for name, text in GOOD.items():
        put(name, text, "stored", "")
    return expect


class _Hostile(http.server.BaseHTTPRequestHandler):
    """/schleife redirects to itself, /langsam drips a byte every half second, /riesig streams
    30 MB without a length, /stumm accepts and never answers, /artikel is a press release."""

    def do_GET(self):  # noqa: N802
        if self.path == "/schleife":
            self.send_response(302)
            self.send_header("Location", "/schleife")
            self.end_headers()
        elif self.path == "/langsam":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            try:
                for _ in range(120):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
        elif self.path == "/riesig":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"<p>Landkreis</p>" * 65_536)
            except OSError:
                pass
        elif self.path == "/stumm":
            time.sleep(30)
        else:
            body = (b"<html><head><title>Kooperation im Harz</title></head><body><article><h1>Kooperation im Harz"
                    b"</h1><p>Der Landkreis Harz und der Landkreis Goslar arbeiten beim Tourismus zusammen, "
                    b"vereinbart am 3. Mai 2023 in Wernigerode.</p></article></body></html>")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- running ingest


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _memory_mb(pids: list[int]) -> float:
    """Memory of the processes together: the sum of their proportional set sizes (a page shared by
    two processes, like the forked workers' libraries, counts half in each)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _ingest(db: Path, args: list[str], env: dict | None = None) -> tuple[int, str, str, float]:
    """Run `python -m koopatlas ingest` and sample the whole process tree's memory; returns
    (exit code, stdout, stderr, peak MB)."""
    proc = subprocess.Popen([sys.executable, "-m", "koopatlas", "--db", str(db), "ingest", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = 0.0
    result: dict = {}
    reader = threading.Thread(target=lambda: result.update(zip(("out", "err"), proc.communicate(), strict=False)))
    reader.start()
    while proc.poll() is None:
        peak = max(peak, _memory_mb(_tree(proc.pid)))
        time.sleep(0.05)
    reader.join()
    return proc.returncode, result["out"], result["err"], peak


def _count(db: Path, sql: str, params: list | None = None) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def db(built_db, tmp_path) -> Path:
    path = tmp_path / "hostile.duckdb"
    shutil.copyfile(built_db, path)
    return path


# ---------------------------------------------------------------- the tests


def test_a_batch_of_hostile_files_and_urls_stores_the_good_ones_names_every_bad_one_and_stays_bounded(
        db, tmp_path, server):
    folder = tmp_path / "eingang"
    folder.mkdir()
    expect = make_files(folder)
    urls = {
        f"http://127.0.0.1:{_closed_port()}/weg": ("failed", "download failed"),
        f"{server}/schleife": ("failed", "download failed (HTTP 302"),
        f"{server}/langsam": ("failed", "took longer than 8 s"),
        f"{server}/riesig": ("failed", "larger than 20 MB"),
        f"{server}/stumm": ("failed", "download failed (timed out"),
        f"{server}/artikel": ("stored", ""),
    }
    before = _count(db, "SELECT count(*) FROM documents")
    report = tmp_path / "bericht.jsonl"

    code, out, err, peak_mb = _ingest(db, ["--workers", "2", "--report", str(report), str(folder), *urls])

    assert code == 1, "a batch with failures exits with 1"
    assert "Traceback" not in err
    records = {Path(r["item"]).name if not r["item"].startswith("http") else r["item"]: r
               for r in map(json.loads, report.read_text().splitlines())}
    wrong = []
    for item, (status, fragment) in {**expect, **urls}.items():
        record = records[item]
        said = record["message"] or " ".join(record["warnings"])
        if record["status"] != status or fragment not in said or record["seconds"] > 10:
            wrong.append((item, record))
        if status == "failed" and (item not in said or f"Fehler: {record['message']}" not in err):
            wrong.append((item, "the message does not name the input", said))
    assert not wrong, "\n".join(map(str, wrong))
    stored = sum(status == "stored" for status, _ in {**expect, **urls}.values())
    assert f"{stored} gespeichert" in out
    assert _count(db, "SELECT count(*) FROM documents") == before + stored, "nothing stored before was lost"
    for name in GOOD:
        assert _count(db, "SELECT count(*) FROM documents d JOIN events e USING (doc_id) JOIN event_participants p "
                          "USING (event_id) WHERE d.source = ? AND p.role = 'participant'",
                      [str(folder / name)]) >= 2, name
    print(f"process tree peak (sum of PSS): {peak_mb:.0f} MB")
    assert peak_mb <= 1024, f"the whole process tree peaked at {peak_mb:.0f} MB"
    assert not list(db.parent.glob(db.name + ".writing*")), "no working copy left behind"


def test_reingesting_the_same_folder_adds_no_rows(db, tmp_path):
    folder = tmp_path / "zweimal"
    folder.mkdir()
    for i in range(30):
        (folder / f"meldung_{i:02}.txt").write_text(GOOD["gut_besuch.txt"].replace("2023", str(1990 + i)))
    (folder / "kopie.txt").write_text(GOOD["gut_besuch.txt"].replace("2023", "1990"))  # same text twice
    code, out, _, _ = _ingest(db, [str(folder)])
    assert code == 0 and "30 gespeichert, 1 unverändert" in out
    rows = _count(db, "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM event_participants)")
    code, out, _, _ = _ingest(db, [str(folder)])
    assert code == 0 and "0 gespeichert, 31 unverändert" in out
    assert _count(db, "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM event_participants)") == rows


@pytest.mark.parametrize("moment", ["while copying", "while extracting"])
def test_a_killed_ingest_loses_nothing_and_the_next_run_cleans_up_and_says_so(db, tmp_path, moment):
    folder = tmp_path / "viele"
    folder.mkdir()
    for i in range(400):
        (folder / f"meldung_{i:03}.txt").write_text(GOOD["gut_partnerschaft.txt"].replace("2024", str(1600 + i)))
    before = _count(db, "SELECT count(*) FROM documents")
    work = db.with_name(db.name + ".writing")
    proc = subprocess.Popen([sys.executable, "-m", "koopatlas", "--db", str(db), "ingest", str(folder)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if work.exists() and (moment == "while copying" or len(_tree(proc.pid)) >= 3):
            break
        time.sleep(0.01)
    if moment == "while extracting":
        time.sleep(1.0)
    family = _tree(proc.pid)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert work.exists(), "the killed run left its working copy (this is what the next run must clean)"
    deadline = time.monotonic() + 5  # the workers notice their parent is gone (they check twice a second)
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in family[1:]):
        time.sleep(0.1)
    alive = [p for p in family[1:] if Path(f"/proc/{p}").exists()
             and Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "worker processes outlived the killed ingest"
    assert _count(db, "SELECT count(*) FROM documents") == before, "the database is exactly as before"

    (tmp_path / "eine").mkdir()
    (tmp_path / "eine" / "neu.txt").write_text(GOOD["gut_besuch.txt"])
    code, out, err, _ = _ingest(db, [str(tmp_path / "eine")])
    assert code == 0 and "1 gespeichert" in out
    assert "working copy left by an interrupted ingest" in err
    assert not list(db.parent.glob(db.name + ".writing*"))
    assert _count(db, "SELECT count(*) FROM documents") == before + 1


def test_workers_reuse_the_forkservers_extractor_only_for_the_same_gazetteer_tables(built_db, tmp_path):
    """A copy of the database has the preloaded extractor's fingerprint; a changed name table does not."""
    from koopatlas import ingest_preload

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(built_db, copy)
    with duckdb.connect(str(built_db), read_only=True) as a, duckdb.connect(str(copy)) as b:
        original = ingest_preload.fingerprint_of(a)
        assert ingest_preload.fingerprint_of(b) == original
        b.execute("DELETE FROM region_names WHERE variant = (SELECT min(variant) FROM region_names)")
        assert ingest_preload.fingerprint_of(b) != original


def test_an_ingest_in_process_stores_with_the_shared_extractor_and_leaves_the_environment_as_it_was(built_db, tmp_path):
    from koopatlas import ingest, ingest_preload

    db = tmp_path / "copy.duckdb"
    shutil.copyfile(built_db, db)
    release = tmp_path / "meldung.txt"
    release.write_text("Kooperation besiegelt\nDie Stadt Lünen und die Stadt Bergkamen unterzeichnen eine "
                       "Vereinbarung über die gemeinsame Wirtschaftsförderung.\n", encoding="utf-8")
    assert ingest_preload.ENV not in os.environ
    report = ingest.ingest([str(release)], db, workers=1, progress=False)
    assert report.stored == 1 and not report.failures
    assert ingest_preload.ENV not in os.environ


def _workers(pid: int) -> list[int]:
    """The ingest's worker processes: the children of its forkserver (its child that has children)."""
    tree = _tree(pid)
    parents = {}
    for p in tree[1:]:
        try:
            parents[p] = int(Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
    return [p for p, parent in parents.items() if parent != pid]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def _cpu_s(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _folder_of_good_ones(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "viele"
    folder.mkdir()
    for i in range(n):
        (folder / f"meldung_{i:04}.txt").write_text(GOOD["gut_besuch.txt"].replace("2023", str(1000 + i)))
    return folder


def _interfere(db: Path, folder: Path, signum: int, env: dict | None = None) -> tuple[int, str, str]:
    """Ingest the folder with two workers and send ``signum`` to one worker while it reads a document."""
    proc = subprocess.Popen([sys.executable, "-m", "koopatlas", "--db", str(db), "ingest", "--workers", "2",
                             str(folder)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and (
            len(_workers(proc.pid)) < 2 or min(_cpu_s(p) for p in _workers(proc.pid)) < 0.6):
        time.sleep(0.01)  # until both workers are well into the batch (past their start-up)
    sent = False
    while not sent and time.monotonic() < deadline and proc.poll() is None:
        # a worker inside a document (running), not one waiting for the next task
        busy = [p for p in _workers(proc.pid) if _state(p) == "R"]
        if busy:
            os.kill(busy[0], signum)
            sent = True
        time.sleep(0.002)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        for p in _tree(proc.pid)[1:] if proc.poll() is None else []:
            os.kill(p, signal.SIGKILL)
        proc.kill()
    assert sent, "no worker was caught reading a document"
    return proc.returncode, out, err


def test_a_worker_killed_mid_batch_loses_no_document(db, tmp_path):
    """The kernel's OOM killer or a crash in a C library: the documents the worker had taken
    (several per task) are read again, one at a time, and all are stored."""
    folder = _folder_of_good_ones(tmp_path, 2000)
    before = _count(db, "SELECT count(*) FROM documents")
    code, out, err = _interfere(db, folder, signal.SIGKILL)
    assert code == 0 and "2000 gespeichert" in out, out + err
    assert _count(db, "SELECT count(*) FROM documents") == before + 2000


def test_a_worker_that_hangs_is_replaced_and_no_document_is_lost(db, tmp_path):
    """A worker that stops (as if stuck in a C library, where its own alarm cannot interrupt it)
    is killed after the time limit. Caught inside a document, that document fails as too slow and
    the rest of its task is read again; caught between documents, the pool is replaced and its
    documents re-run. Either way the ingest ends and every other document is stored."""
    folder = _folder_of_good_ones(tmp_path, 2000)
    before = _count(db, "SELECT count(*) FROM documents")
    code, out, err = _interfere(db, folder, signal.SIGSTOP, env={"KOOPATLAS_MAX_SECONDS_PER_DOC": "2"})
    slow = err.count("took longer than 2 s")
    assert slow <= 1 and code == slow and f"{2000 - slow} gespeichert" in out and f"{slow} fehlgeschlagen" in out, out + err
    assert _count(db, "SELECT count(*) FROM documents") == before + 2000 - slow
