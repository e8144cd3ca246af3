"""Curation in a real Chromium: locked without login; upload → review → correct → save → on the map."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest
from conftest import settle

from koopatlas import auth

pytestmark = pytest.mark.browser

USER, PASSWORD = "redakteurin", "ein-langes-passwort"
RELEASE = ("Gemeinsamer Zweckverband für Abfall\n"
           "Der Landkreis Görlitz und der Landkreis Bautzen gründen einen Zweckverband für die Abfallentsorgung. "
           "Die Landräte unterzeichneten am 12. März 2025 in Bautzen die Vereinbarung über die Zusammenarbeit.\n")


@pytest.fixture(scope="module")
def editor_app(built_db, tmp_path_factory):
    from conftest import _free_port

    from koopatlas.web import server

    root = tmp_path_factory.mktemp("editing")
    db = root / "koopatlas.duckdb"
    shutil.copyfile(built_db, db)
    users = root / "users.json"
    auth.add_user(USER, PASSWORD, users)
    port = _free_port()
    proc = server.start(port=port, env=dict(os.environ, KOOPATLAS_DB=str(db), KOOPATLAS_USERS=str(users)))
    yield f"http://127.0.0.1:{port}", db
    server.stop(proc)


def _open(page, url):
    page.goto(url)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=60_000)
    settle(page)


def _text_once_rendered(page, expected: str, timeout_s: float = 30) -> str:
    """The main block's text once it contains `expected`, or its last text after `timeout_s`.

    Under load Streamlit paints the page in several runs; reading it once races the last one."""
    text = ""
    for _ in range(int(timeout_s * 2)):
        text = page.inner_text("[data-testid='stMainBlockContainer']")
        if expected in text:
            break
        page.wait_for_timeout(500)
    return text


def _count(db, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def _login(page, password=PASSWORD, answer="Angemeldet als"):
    """Log in and wait for the server's ``answer`` in the sidebar.

    A quiet page is no sign of an answer: under load the run starts later than a quiet-page check
    looks, and a second attempt typed meanwhile interrupts the first one's run."""
    side = page.locator("[data-testid='stSidebar']")
    side.get_by_label("Benutzername").fill(USER)
    side.get_by_label("Passwort").fill(password)
    side.get_by_role("button", name="Anmelden").click()
    side.get_by_text(answer).wait_for(timeout=60_000)
    settle(page)


def test_without_login_no_edit_control_is_shown_and_nothing_is_written(editor_app, page, artifacts):
    url, db = editor_app
    before = _count(db, "SELECT count(*) FROM documents")
    _open(page, f"{url}/beitragen")
    assert "bitte links anmelden" in page.inner_text("[data-testid='stMainBlockContainer']")
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert page.get_by_role("button", name="Speichern").count() == 0
    assert page.get_by_role("button", name="Erkennen").count() == 0
    page.screenshot(path=str(artifacts / "beitragen_gesperrt.png"), full_page=True)
    event = duckdb.connect(str(db), read_only=True).execute("SELECT event_id FROM event_facts LIMIT 1").fetchone()[0]
    _open(page, f"{url}/ereignisse?ereignis={event}")
    page.wait_for_timeout(1000)
    assert page.get_by_text("Korrigieren").count() == 0
    assert _count(db, "SELECT count(*) FROM corrections") == 0
    assert _count(db, "SELECT count(*) FROM documents") == before


def test_upload_review_correct_save_and_see_it_on_the_map(editor_app, page, artifacts):
    url, db = editor_app
    meissen_before = _count(db, "SELECT count(*) FROM event_parties WHERE ags = '14627'")
    _open(page, f"{url}/beitragen")
    _login(page)
    assert "Angemeldet als" in page.inner_text("[data-testid='stSidebar']")
    page.get_by_role("tab", name="Text einfügen").click()
    page.get_by_label("Text der Pressemitteilung").fill(RELEASE)
    page.get_by_role("button", name="Erkennen").click()
    page.wait_for_selector("mark", timeout=60_000)
    page.get_by_role("button", name="Speichern").wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    marks = page.locator("mark")
    assert marks.count() >= 2
    assert "AGS 14626" in (page.locator("mark", has_text="Görlitz").first.get_attribute("title") or "")
    page.screenshot(path=str(artifacts / "beitragen_pruefen.png"), full_page=True)
    # correct: add the Landkreis Meißen, set a topic, give a reason
    adder = page.get_by_label("Kommune hinzufügen (als beteiligt)")
    adder.click()
    adder.fill("Meißen (Landkreis")
    page.wait_for_timeout(800)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.get_by_label("Begründung").fill("Meißen tritt laut Anhang bei")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("text=Gespeichert:", timeout=60_000)
    page.screenshot(path=str(artifacts / "beitragen_gespeichert.png"), full_page=True)
    assert _count(db, f"SELECT count(*) FROM corrections WHERE editor = '{USER}' AND target = '14627'") == 1
    assert _count(db, "SELECT count(*) FROM event_parties WHERE ags = '14627' AND event_id IN "
                      "(SELECT event_id FROM events e JOIN documents d USING (doc_id) "
                      "WHERE d.title LIKE 'Gemeinsamer Zweckverband%')") == 1
    # in the atlas at once: the Region page of the added Kreis counts the event, the log lists the change
    _open(page, f"{url}/region?ags=14627")
    expected = f"Ereignisse\n\n{meissen_before + 1}\n"
    assert expected in _text_once_rendered(page, expected)
    _open(page, f"{url}/")
    page.screenshot(path=str(artifacts / "karte_nach_korrektur.png"), full_page=True)
    _open(page, f"{url}/protokoll")
    text = page.inner_text("[data-testid='stMainBlockContainer']")
    page.screenshot(path=str(artifacts / "aenderungsprotokoll.png"), full_page=True)
    assert "1 Änderung," in text and f"zuletzt {USER}" in text and "Meißen" in text


def test_an_uploaded_docx_is_reviewed_and_stored_under_its_file_name(editor_app, page, tmp_path):
    import docx

    url, db = editor_app
    path = tmp_path / "Pressemitteilung Partnerschaft.docx"
    document = docx.Document()
    document.add_heading("Städtepartnerschaft besiegelt", level=1)
    document.add_paragraph("Die Stadt Lünen und die Stadt Bergkamen unterzeichnen eine Vereinbarung über die "
                           "gemeinsame Wirtschaftsförderung. Die Bürgermeister trafen sich dazu im Rathaus Lünen.")
    document.save(path)
    _open(page, f"{url}/beitragen")
    _login(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Erkennen").click()
    page.wait_for_selector("mark", timeout=60_000)
    assert "AGS 05978024" in (page.locator("mark", has_text="Lünen").first.get_attribute("title") or "")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("text=Gespeichert:", timeout=60_000)
    con = duckdb.connect(str(db), read_only=True)
    source = con.execute("SELECT source FROM documents WHERE title = 'Städtepartnerschaft besiegelt'").fetchone()
    reviewed = con.execute("SELECT field FROM corrections c JOIN documents d USING (doc_id) "
                           "WHERE d.title = 'Städtepartnerschaft besiegelt'").fetchall()
    con.close()
    assert source == (path.name,)  # the file's name, no server path
    assert reviewed  # saved as reviewed (a confirmation when nothing was changed)


def test_an_editor_corrects_a_stored_event_from_the_ereignisse_detail_view(editor_app, page, artifacts):
    url, db = editor_app
    con = duckdb.connect(str(db), read_only=True)
    event = con.execute("SELECT event_id FROM event_facts WHERE event_type IS DISTINCT FROM 'sonstiges' "
                        "ORDER BY event_id LIMIT 1").fetchone()[0]
    con.close()
    _open(page, f"{url}/ereignisse?ereignis={event}")
    _login(page)
    page.get_by_text("Korrigieren").click()
    settle(page)  # the form comes with a rerun: under load, ticking a box before it ends is lost
    form = page.locator("[data-testid='stForm']").last
    form.get_by_text("Bericht über eine Kooperation (relevant)").click()  # untick: not about cooperation
    form.get_by_label("Begründung").fill("Terminhinweis, keine Kooperation")
    page.screenshot(path=str(artifacts / "ereignis_korrigieren.png"), full_page=True)
    form.get_by_role("button", name="Speichern").click()
    page.get_by_text("Korrektur gespeichert.").wait_for(timeout=60_000)  # the save has returned
    settle(page)
    assert _count(db, f"SELECT count(*) FROM event_facts WHERE event_id = '{event}'") == 0  # off the map
    assert _count(db, f"SELECT count(*) FROM corrections WHERE doc_id = '{event}' AND field = 'relevant' "
                      f"AND reason = 'Terminhinweis, keine Kooperation'") == 1


def test_failed_logins_are_limited(editor_app, page):
    url, db = editor_app
    _open(page, f"{url}/beitragen")
    for left in ("Noch 4 Versuche", "Noch 3 Versuche", "Noch 2 Versuche", "Noch 1 Versuch."):
        _login(page, password="falsch-falsch-falsch", answer=left)
    _login(page, password="falsch-falsch-falsch", answer="Die Anmeldung ist jetzt für 15 Minuten gesperrt")
    _login(page, answer="Zu viele fehlgeschlagene Anmeldungen")  # even the right password is refused while locked
    assert "Angemeldet als" not in page.inner_text("[data-testid='stSidebar']")
