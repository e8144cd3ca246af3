"""Cleaning: boilerplate out, metadata apart, repetitions once, offsets back to the raw text."""

from koopatlas.clean import clean, unwrap

RAW = """- Anzeige -
Landkreise tauschen sich aus
[bookmark: _GoBack]Der Landkreis Görlitz besuchte den Landkreis Bautzen.\u00a0Beide Landräte sprachen über „Zusammenarbeit“.
Der Landkreis Görlitz besuchte den Landkreis Bautzen. Beide Landräte sprachen über „Zusammenarbeit“.
Ein weiterer Satz. Der Landkreis Görlitz besuchte den Landkreis Bautzen.
Bildunterschrift:
Die Landräte vor dem Landratsamt.
(Foto: Landkreis Görlitz)
Beitrag teilen
Schreiben Sie einen Kommentar
Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert
Pressekontakt: Landratsamt Görlitz, Telefon 03581 663-0
"""


def test_boilerplate_and_artefacts_are_dropped():
    text = clean(RAW).text
    for noise in ("Anzeige", "bookmark", "Beitrag teilen", "Kommentar", "E-Mail-Adresse", "Telefon"):
        assert noise not in text


def test_repeated_paragraphs_and_sentences_appear_once():
    text = clean(RAW).text
    assert text.count("Der Landkreis Görlitz besuchte den Landkreis Bautzen.") == 1
    assert "Ein weiterer Satz." in text


def test_contact_footer_and_captions_are_kept_apart():
    result = clean(RAW)
    assert "Pressekontakt: Landratsamt Görlitz" in result.contact
    assert "Die Landräte vor dem Landratsamt." in result.captions
    assert any("Foto: Landkreis Görlitz" in c for c in result.captions)
    assert "Landratsamt." not in result.text


def test_odd_spaces_and_quotes_are_normalised():
    text = clean(RAW).text
    assert "\u00a0" not in text and "„" not in text
    assert '"Zusammenarbeit"' in text


def test_offsets_lead_back_to_the_raw_text():
    result = clean(RAW)
    start = result.text.index("Landkreis Bautzen")
    raw_start, raw_end = result.raw_span(start, start + len("Landkreis Bautzen"))
    assert RAW[raw_start:raw_end] == "Landkreis Bautzen"
    for i, ch in enumerate(result.text):
        if ch.isalnum():
            assert RAW[result.offsets[i]] == ch


def test_a_long_consent_banner_is_dropped_but_a_report_on_data_protection_is_kept():
    banner = ("Wir möchten auf unserer Webseite Cookies und Analysetechniken verwenden, um Ihnen auf unserer Webseite "
              "sowie in verbundenen Werbenetzwerken möglichst interessante Angebote anzeigen zu können. Mit Ihrer "
              "Einwilligung helfen Sie uns, die Seite zu verbessern; diese können Sie jederzeit widerrufen.")
    report = "Die Landkreise kooperieren beim Datenschutz: die DSGVO verlangt einen gemeinsamen Beauftragten."
    cleaned = clean(f"{banner}\n\nKreise teilen sich einen Datenschutzbeauftragten\n{report}")
    assert "Cookies" not in cleaned.text and banner in cleaned.dropped
    assert report in cleaned.text


def test_a_pdfs_wrapped_lines_and_hyphenated_words_are_joined():
    page = ("Pressemitteilung\n\nLandkreise vereinbaren Zusam-\nmenarbeit im Katastrophenschutz\n\n"
            "Die Landräte der Landkreise Bautzen und Görlitz haben\nam 4. September in Hoyerswerda eine Vereinba-\n"
            "rung unterzeichnet. Künftig sollen die Stäbe beider\nLandkreise gemeinsam üben, auch bei Bus- und\n"
            "Bahnunfällen. Die Kosten teilen sich die Kreise.\n")
    text = unwrap(page)
    assert "Landkreise vereinbaren Zusammenarbeit im Katastrophenschutz\n" in text
    assert "haben am 4. September in Hoyerswerda eine Vereinbarung unterzeichnet. Künftig" in text
    assert "Stäbe beider Landkreise gemeinsam" in text  # a full line goes on, also before a capital
    assert "Bus- und Bahnunfällen" in text  # a hyphen for a shared second half stays
    assert text.startswith("Pressemitteilung\n\n") and text.endswith("Kreise.\n")


def test_menu_and_masthead_bars_are_dropped_but_a_sentence_is_kept():
    raw = ("Nordwest-Zeitung | Oldenburg | Ammerland | Cloppenburg | Vechta\n"
           "Startseite > Presse > Pressemitteilungen\n"
           "Gemeinsames Freibad für Varel und Zetel\n"
           "Die Stadt Varel und die Gemeinde Zetel betreiben das Freibad gemeinsam.\n"
           "Weitere Meldungen: Sperrung der Kreisstraße 10 in Armsen | Neue Öffnungszeiten\n"
           "Diese Seite teilen\n")
    text = clean(raw).text
    for noise in ("Ammerland", "Startseite", "Armsen", "teilen"):
        assert noise not in text
    assert text.splitlines() == ["Gemeinsames Freibad für Varel und Zetel",
                                 "Die Stadt Varel und die Gemeinde Zetel betreiben das Freibad gemeinsam."]
