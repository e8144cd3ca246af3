"""Sources: every format becomes a Document; bad input names the file and the problem."""

import email.message
import http.server
import threading
from datetime import date

import docx
import pytest
from makers import pdf_with_text

from koopatlas.sources import SourceError, load
from koopatlas.sources.text import decode

TEXT = "Lünen und Essen arbeiten zusammen. Die Städte unterzeichneten am 3. Juli 2014 eine Vereinbarung."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_txt_in_any_common_encoding_keeps_umlauts(tmp_path, encoding):
    path = tmp_path / "pm.txt"
    path.write_bytes(TEXT.encode(encoding))
    doc = load(path)
    assert "Lünen" in doc.clean_text and doc.name == "pm"


def test_cp1252_quotes_and_euro_are_read_as_cp1252_not_latin1():
    data = "„Lünen“ erhält 180.000 € – gemeinsam".encode("cp1252")
    text = decode(data, "x.txt")
    assert text == "„Lünen“ erhält 180.000 € – gemeinsam"


def test_binary_file_with_txt_suffix_is_rejected_with_its_name(tmp_path):
    path = tmp_path / "kaputt.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(SourceError, match="kaputt.txt.*binary"):
        load(path)


def test_empty_file_is_an_error_not_an_empty_event(tmp_path):
    path = tmp_path / "leer.txt"
    path.write_text("  \n- Anzeige -\n", encoding="utf-8")
    with pytest.raises(SourceError, match="leer.txt.*no text"):
        load(path)


def test_missing_and_unsupported_files_are_named(tmp_path):
    with pytest.raises(SourceError, match="nichtda.txt.*not found"):
        load(tmp_path / "nichtda.txt")
    odd = tmp_path / "tabelle.xlsx"
    odd.write_bytes(b"PK")
    with pytest.raises(SourceError, match="tabelle.xlsx.*unsupported"):
        load(odd)


HTML = """<html><head><title>Kreise kooperieren</title>
<meta property="article:published_time" content="2022-05-04"></head><body>
<nav><a href="/">Startseite</a> | <a href="/kontakt">Kontakt</a></nav>
<article><h1>Kreise kooperieren</h1>
<p>Der Landkreis Görlitz und der Landkreis Bautzen haben am Dienstag eine Kooperationsvereinbarung
zum Katastrophenschutz unterzeichnet. Landrat Bernd Lange und Landrat Udo Witschas betonten die
Bedeutung der Zusammenarbeit für die Oberlausitz.</p>
<p>Die Vereinbarung regelt die gegenseitige Hilfe der Feuerwehren und den gemeinsamen Einsatz der
Rettungsdienste bei Hochwasser und anderen Krisen.</p></article>
<footer>Impressum · Datenschutz · Cookie-Einstellungen</footer></body></html>"""


def test_html_main_text_title_and_date_via_trafilatura(tmp_path):
    path = tmp_path / "artikel.html"
    path.write_text(HTML, encoding="utf-8")
    doc = load(path)
    assert "Landkreis Görlitz" in doc.clean_text
    assert "Startseite" not in doc.clean_text and "Cookie" not in doc.clean_text
    assert doc.title == "Kreise kooperieren"
    assert doc.published == date(2022, 5, 4)
    assert doc.url is None  # the page names no address of its own


def test_a_saved_pages_canonical_address_is_its_url(tmp_path):
    path = tmp_path / "artikel.html"
    canonical = '<link rel="canonical" href="https://www.landkreis-goerlitz.de/presse/2022/kreise-kooperieren">'
    path.write_text(HTML.replace("</title>", "</title>" + canonical), encoding="utf-8")
    assert load(path).url == "https://www.landkreis-goerlitz.de/presse/2022/kreise-kooperieren"


def test_docx_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    document.add_paragraph("Burgenlandkreis und Landkreis Osnabrück treffen sich im Kreishaus.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Gast"
    table.rows[0].cells[1].text = "Landrat Götz Ulrich"
    path = tmp_path / "treffen.docx"
    document.save(path)
    doc = load(path)
    assert "Burgenlandkreis" in doc.clean_text and "Götz Ulrich" in doc.clean_text


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "vertrag.pdf"
    path.write_bytes(pdf_with_text(["Kooperationsvereinbarung", "Die Städte Lünen und Essen arbeiten zusammen."]))
    doc = load(path)
    assert "Lünen" in doc.clean_text and "Kooperationsvereinbarung" in doc.clean_text


def test_a_pdfs_layout_breaks_do_not_split_words_or_the_headline(tmp_path):
    path = tmp_path / "pm.pdf"
    path.write_bytes(pdf_with_text(["Landratsamt Bautzen", "Landkreise vereinbaren Zusam-",
                                    "menarbeit im Katastrophenschutz", "",
                                    "Die Landräte der Landkreise Bautzen und Görlitz haben",
                                    "in Hoyerswerda eine Vereinbarung über gegenseitige Hil-",
                                    "fe unterzeichnet. Künftig sollen die Stäbe beider Kreise",
                                    "gemeinsam üben."]))
    doc = load(path)
    assert doc.title == "Landkreise vereinbaren Zusammenarbeit im Katastrophenschutz"
    assert "gegenseitige Hilfe unterzeichnet" in doc.clean_text


def test_broken_pdf_is_reported_with_its_name(tmp_path):
    path = tmp_path / "defekt.pdf"
    path.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(SourceError, match="defekt.pdf"):
        load(path)


def test_eml_subject_date_and_body(tmp_path):
    msg = email.message.EmailMessage()
    msg["Subject"] = "Pressemitteilung: Besuch aus Sundern"
    msg["Date"] = "Tue, 03 Sep 2024 10:00:00 +0200"
    msg.set_content("Die Städte Arnsberg und Sundern haben einen gemeinsamen Städtetag veranstaltet.")
    path = tmp_path / "pm.eml"
    path.write_bytes(bytes(msg))
    doc = load(path)
    assert doc.title == "Pressemitteilung: Besuch aus Sundern"
    assert doc.published == date(2024, 9, 3)
    assert "Arnsberg und Sundern" in doc.clean_text


@pytest.fixture
def local_server():
    """A web server on 127.0.0.1 serving one article and one oversized page."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = HTML.encode() if self.path == "/artikel" else b"<html>" + b"x" * (6 * 1024 * 1024)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_url_is_fetched_and_read_as_html(local_server):
    doc = load(local_server + "/artikel")
    assert "Landkreis Bautzen" in doc.clean_text and doc.source.endswith("/artikel")


def test_url_over_the_size_cap_is_refused(local_server, monkeypatch):
    monkeypatch.setenv("KOOPATLAS_MAX_FILE_MB", "5")
    with pytest.raises(SourceError, match="larger than 5 MB"):
        load(local_server + "/riesig")


def test_unreachable_url_names_the_url():
    with pytest.raises(SourceError, match="127.0.0.1:9.*download failed"):
        load("http://127.0.0.1:9/nichts")
