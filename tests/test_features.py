"""Evidence for the learned decisions, on sentences we wrote: foreign partners, Verbände, titles, years."""

from datetime import date

import pytest

from koopatlas.extract import features as feats
from koopatlas.extract import fields
from koopatlas.extract.foreign import ForeignMatcher, countries_in
from koopatlas.extract.places import PlaceLinker
from koopatlas.sources import guess_title, is_headline, make_document


@pytest.fixture(scope="module")
def linker(gazetteer):
    return PlaceLinker(gazetteer)


@pytest.fixture(scope="module")
def foreign(con, gazetteer):
    return ForeignMatcher.from_db(con, gazetteer.variants)


def abroad(foreign, linker, text):
    signals = fields.signal_hits(text)
    taken = [(m.start, m.end) for a in linker.authorities(text) for m in a.mentions]
    return {(m.label, m.place.country) for m in foreign.find(text, countries_in(signals), taken)}


# --- foreign partners ------------------------------------------------------------------------------------


def test_a_foreign_kreis_with_its_country_is_a_foreign_partner(foreign, linker):
    found = abroad(foreign, linker, "Der Landkreis Görlitz und der polnische Powiat Zgorzelec unterzeichneten einen Vertrag.")
    assert ("Powiat Zgorzelec", "PL") in found


def test_twin_towns_by_their_local_name_and_by_their_german_exonym(foreign, linker):
    assert ("Słubice", "PL") in abroad(foreign, linker, "Frankfurt (Oder) und Słubice pflegen ihre Städtepartnerschaft.")
    found = abroad(foreign, linker, "Eine Delegation aus Mühlhausen besuchte die Partnerstadt Kronstadt in Rumänien.")
    assert ("Kronstadt / Brașov", "RO") in found
    assert ("Breslau / Wrocław", "PL") in abroad(foreign, linker, "Der Oberbürgermeister reiste nach Breslau.")
    # the German transliteration of a Ukrainian town of a Solidaritätspartnerschaft
    assert ("Butscha / Bucha", "UA") in abroad(foreign, linker, "Die Partnerschaft mit Butscha in der Ukraine besteht seit 2022.")


def test_a_german_places_name_is_the_place_abroad_where_the_text_puts_it_there(foreign, linker):
    # Bergen, Lemberg and Karlsbad are German Gemeinden too; the country after or its adjective before decide
    assert abroad(foreign, linker, "Der Landkreis Celle pflegt eine Partnerschaft mit Bergen (Norwegen).") == {
        ("Bergen", "NO")}
    assert abroad(foreign, linker, "Die Stadt Freiburg und ihre Partnerstadt Lemberg in der Ukraine helfen sich.") == {
        ("Lemberg / Lviv", "UA")}
    assert abroad(foreign, linker, "Der Landkreis Kulmbach und die tschechische Region Karlsbad arbeiten zusammen.") == {
        ("Region Karlsbad / Karlovy Vary", "CZ")}
    # unmarked, the German place is meant
    assert abroad(foreign, linker, "Die Ortsgemeinde Lemberg und die Stadt Pirmasens arbeiten zusammen.") == set()


def test_a_double_name_abroad_is_read_whole_with_the_words_before_it(foreign, linker):
    text = "Der Eifelkreis Bitburg-Prüm und die belgische Gemeinde Burg-Reuland eröffnen einen Wanderweg."
    found = foreign.find(text, {"BE"}, [(m.start, m.end) for a in linker.authorities(text) for m in a.mentions])
    assert [(m.label, m.place.country, m.cue) for m in found] == [("Burg-Reuland", "BE", True)]


def test_a_german_town_hyphenated_to_the_adjective_of_its_twin_abroad_is_not_part_of_its_name(foreign, linker):
    # "Frankfurt-Słubicer Kooperationszentrum": the centre of two towns, the partner abroad is Słubice
    found = abroad(foreign, linker, "Das Frankfurt-Słubicer Kooperationszentrum legt den deutsch-polnischen Handlungsplan vor.")
    assert found == {("Słubice", "PL")}
    found = abroad(foreign, linker, "Das Görlitz-Zgorzelecer Kulturzentrum in Polen feiert sein Jubiläum.")
    assert found == {("Zgorzelec", "PL")}


def test_the_adjective_of_a_german_town_the_text_names_is_not_a_town_abroad(foreign, linker):
    # Erlanger is a town in Kentucky and the adjective of Erlangen
    text = "Die Stadt Erlangen feiert mit der Partnerstadt Jena; die Erlanger Bürgerschaft gratuliert zur Partnerschaft."
    assert abroad(foreign, linker, text) == set()
    assert ("Erlanger", "US") in abroad(foreign, linker, "Die Stadt Jena und Erlanger (USA) sind Partnerstädte.")


def test_a_foreign_place_carries_its_coordinates(foreign):
    place = foreign.find("Frankfurt (Oder) und Słubice pflegen ihre Städtepartnerschaft.", set(), [])[0].place
    assert place.name == "Słubice" and abs(place.lon - 14.56) < 0.1 and abs(place.lat - 52.35) < 0.1
    # an exonym finds its place also where GeoNames spells it with another diacritic (Braşov / Brașov)
    found = foreign.find("Die Partnerstadt Kronstadt in Rumänien lud ein.", {"RO"}, [])
    assert [(m.place.country, round(m.place.lat)) for m in found] == [("RO", 46)]


def test_a_name_several_german_places_share_is_read_near_the_town_abroad(con):
    from koopatlas.extract import Extractor

    extractor = Extractor.from_db(con)

    def named(text: str) -> set[str]:
        return {a.ags for a in extractor.analyse(make_document("satz", "satz.txt", text)).authorities}

    assert named("Frankfurt pflegt seine Städtepartnerschaften seit Jahren.") == {"06412"}  # am Main, the larger
    assert named("Frankfurt und Słubice pflegen ihre Städtepartnerschaft seit Jahren.") == {"12053"}  # (Oder)


def test_places_abroad_draw_a_shared_german_name_towards_them(linker):
    text = "Der Bürgermeister von Neustadt besuchte die Partnerstadt."
    zgorzelec = ((14.99, 51.15),)
    assert {a.ags for a in linker.authorities(text)} != {"14628260"}
    assert {a.ags for a in linker.authorities(text, near=zgorzelec)} == {"14628260"}  # Neustadt in Sachsen


def test_the_adjective_of_a_foreign_town_names_it(foreign, linker):
    found = abroad(foreign, linker, "Die Słubicer Stadtverordneten berieten mit den Frankfurtern über die Partnerschaft.")
    assert ("Słubice", "PL") in found


def test_a_foreign_towns_adjective_naming_a_street_or_landscape_at_home_is_not_the_town(foreign, linker):
    text = ("Der Schulverband Am Stettiner Haff tagte in der Breslauer Straße, die Partnerschaft mit Polen "
            "feierten die Gäste am Pariser Platz.")
    assert abroad(foreign, linker, text) == set()
    assert ("Stettin / Szczecin", "PL") in abroad(foreign, linker, "Die Stettiner Stadtverwaltung besuchte die Partnerstadt.")


def test_common_german_words_and_german_places_are_not_foreign(foreign, linker):
    text = "Dabei wurde auch über Neustadt und Essen gesprochen. Auch Bergen war Thema, in Polen und Frankreich."
    assert abroad(foreign, linker, text) == set()


def test_a_city_whose_name_is_frequent_in_german_needs_a_cue_right_beside_it(foreign, linker):
    # "Basel", "Sofia", "Graz" are frequent in German texts because they are places
    assert ("Basel", "CH") in abroad(foreign, linker, "Die Partnerstadt Basel lud zum Rheinfest.")
    assert ("Sofia", "BG") in abroad(foreign, linker, "Eine Delegation aus Sofia (Bulgarien) besuchte Erfurt.")
    assert ("Graz", "AT") in abroad(foreign, linker, "Die Städtepartnerschaft mit Graz besteht seit 1980.")
    # without one they stay words, even near a twinning word ("Kita" is a town in Japan)
    assert abroad(foreign, linker, "Er war in Basel und Zürich unterwegs. Die Partnerschaft mit der Kita besteht.") == set()


def test_a_small_foreign_place_needs_evidence(foreign, linker):
    # Pori (Finland) without any hint of Finland is not taken; with its country it is
    assert abroad(foreign, linker, "Pori Konferenz im Rathaus.") == set()
    assert ("Pori", "FI") in abroad(foreign, linker, "Die Stadt pflegt Kontakte nach Pori in Finnland.")


def test_where_the_text_marks_its_partners_an_unmarked_place_abroad_is_background(foreign, linker):
    text = ("Der Landkreis Görlitz und der polnische Powiat Zgorzelec unterzeichneten einen Vertrag über den "
            "Rettungsdienst. Beide Seiten wollen die Wege für Notärzte verkürzen und die Leitstellen verbinden. "
            "Auch nach dem politischen Wechsel in Warschau bleibe die Zusammenarbeit gut, hieß es.")
    assert abroad(foreign, linker, text) == {("Powiat Zgorzelec", "PL")}
    # alone, the capital is still a place abroad
    assert any("Warschau" in label for label, _ in abroad(foreign, linker, "Der Landrat reiste nach Warschau in Polen."))


def test_places_abroad_joined_by_a_hyphen_are_one_partner(foreign, linker):
    found = abroad(foreign, linker, "Bremerhaven pflegt Städtepartnerschaften mit Cherbourg-Octeville und Grimsby.")
    assert found == {("Cherbourg-Octeville", "FR"), ("Grimsby", "GB")}
    text = "Der Bezirksbürgermeister besuchte Warschau-Mokotów in Polen; im Bezirk Mokotów wurde der Vertrag erneuert."
    assert abroad(foreign, linker, text) == {("Warschau-Mokotów", "PL")}


def test_a_town_abroad_by_its_short_name_and_a_region_word_in_the_genitive(foreign, linker):
    # "Gorzów Wielkopolski" is mostly written "Gorzów", without the regional adjective
    found = abroad(foreign, linker, "Frankfurt (Oder) pflegt die Partnerschaft mit Gorzów in Polen.")
    assert ("Gorzów / Gorzów Wielkopolski", "PL") in found
    found = abroad(foreign, linker, "Vertreter nahmen am Kongress des polnischen Landkreises Gorzow teil.")
    assert {label.split(" ")[0] for label, _ in found} == {"Landkreis"}


def test_a_town_abroad_of_several_words_with_its_country_after_an_article(foreign, linker):
    found = abroad(foreign, linker, "Gera pflegt Kontakte zum Beispiel nach Fort Wayne in den USA und Den Haag.")
    assert ("Fort Wayne", "US") in found
    # a frequent German phrase that is also a place's name abroad stays a phrase
    assert abroad(foreign, linker, "Die Innere Stadt von Österreichs Hauptstadt war das Ziel.") == set()


def test_a_persons_surname_is_no_place_abroad(con):
    from koopatlas.extract import Extractor

    text = ("Landrat Jan Pączek aus dem polnischen Landkreis Przemyśl gratulierte seinem deutschen "
            "Amtskollegen Landrat Dr. Theophil Gallo zum Geburtstag. Landrat Dr. Gallo freute sich über "
            "den Besuch aus dem Partnerkreis.")
    foreign = Extractor.from_db(con).analyse(make_document("satz", "satz.txt", text)).foreign
    assert any("Przemyśl" in name for name, _ in foreign)
    assert not any("Gallo" in name for name, _ in foreign)


def test_a_town_right_across_the_border_from_a_german_one_named_beside_it_is_its_twin(con):
    from koopatlas.extract import Extractor

    extractor = Extractor.from_db(con)

    def foreign(text):
        return extractor.analyse(make_document("satz", "satz.txt", text)).foreign

    assert foreign("Guben und Gubin planen ein gemeinsames Schwimmbad.") == [("Gubin", "PL")]
    assert foreign("Die Bürgermeister von Herzogenrath und Kerkrade trafen sich.") == [("Kerkrade", "NL")]
    # a town abroad far from the German places the text names needs other evidence
    assert foreign("Der Bürgermeister von Erfurt traf Kollegen aus Kerkrade.") == []


def test_a_partner_found_by_its_name_is_not_listed_again_in_part(con):
    from koopatlas.extract import Extractor

    text = "Die Gemeinde Kirchheim und die italienische Gemeinde Bagnolo San Vito besiegelten ihre Partnerschaft."
    foreign = Extractor.from_db(con).analyse(make_document("satz", "satz.txt", text)).foreign
    assert foreign == [("Bagnolo San Vito", "IT")]


def test_a_place_abroad_with_and_without_its_diacritics_is_one_partner(con):
    from koopatlas.extract import Extractor

    # GeoNames knows "Walcz" as Wałcz; the "Landkreis …" phrase reads it as written
    text = "Der Landkreis Vorpommern-Greifswald pflegt seit Jahren Kontakte zum polnischen Landkreis Walcz."
    foreign = Extractor.from_db(con).analyse(make_document("satz", "satz.txt", text)).foreign
    assert len([name for name, country in foreign if country == "PL"]) == 1


# --- Verbände -----------------------------------------------------------------------------------------------


def test_an_amt_named_as_such_is_the_verband_not_its_namesake_gemeinde(linker):
    text = "Gegründet haben den Zweckverband die Städte Kyritz und Premnitz sowie die Ämter Lebus und Rhinow."
    found = {a.ags: a for a in linker.authorities(text)}
    assert {"120645406", "120635309"} <= set(found)
    assert found["120645406"].level == "verband" and found["120645406"].name == "Amt Lebus"
    assert "12064268" not in found  # the Gemeinde Lebus


def test_a_samtgemeinde_keeps_its_nine_digit_code(linker):
    found = {a.ags for a in linker.authorities("Die Samtgemeinde Nienstädt und die Stadt Stadthagen kooperieren.")}
    assert "032575405" in found


def test_association_kreis_codes_keep_the_regierungsbezirk_digit(con):
    rows = con.execute("SELECT a.kreis_ags, r.level FROM associations a LEFT JOIN regions r ON r.ags = a.kreis_ags").fetchall()
    assert rows and all(len(k) == 5 and level == "kreis" for k, level in rows)
    assert con.execute("SELECT DISTINCT kreis_ags FROM associations WHERE ars LIKE '01051%'").fetchall() == [("01051",)]


# --- linking details ----------------------------------------------------------------------------------------


def test_kreis_names_in_the_genitive(linker):
    text = "Die Landräte des Rems-Murr-Kreises und des Schwarzwald-Baar-Kreises trafen sich."
    assert {"08119", "08326"} <= {a.ags for a in linker.authorities(text)}


def test_a_list_after_kreise_and_a_colon_is_a_list_of_kreise(linker):
    found = {a.ags for a in linker.authorities("Mitglieder sind die Kreise: Düren, Euskirchen und Heinsberg.")}
    assert {"05358", "05366", "05370"} <= found and "05358008" not in found


def test_bremen_is_the_city_of_bremen(linker):
    assert "04011" in {a.ags for a in linker.authorities("Bremen und Hamburg unterzeichnen eine Vereinbarung.")}


# --- titles --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Sie sind auf Seite 1von 2",
    "Navigation über die Inhaltsbereiche dieser Seite",
    "20200303-bericht-zv-kl-final-inkl-anlagen",
    "Oderfahrt unter der Brücke © Stadt Frankfurt (Oder)",
    "Zum Aktivieren des Google-Übersetzers bitte klicken.",
    "Pressemeldung vom: 30.01.2019 - 08:01 Uhr",
    "Logo der Gemeinde Musterhausen",
    "Skip to content",
    "Pressemitteilung Nr. 12/20, 01.07.2020",
    # breadcrumbs, menus and service rows
    "Nachrichten > Politik und Gesellschaft",
    "Was erledige ich wo? |",
    "• Wir beraten Sie gerne.",
    "3. Startseite Musterstadt",
    "Der Hauptinhaltsbereich - hier finden Sie Artikel zum Thema Verkehr",
    "Alle Meldungen",
    "Presseinfos abonnieren",
    # cookie and consent notices
    "Wenn Sie dieses Banner anklicken, erklären Sie sich einverstanden (Art. 6 DSGVO).",
    "Wir möchten auf unserer Webseite Cookies verwenden, um den Auftritt zu verbessern.",
    # mastheads of papers, gazettes and press offices
    "Musterstädter Anzeiger - Amts- und Heimatblatt der Stadt Musterstadt",
    "Westdeutsche Rundschau | Ihre Zeitung aus der Region",
    "Polizeipräsidium Musterland - Pressestelle Musterstadt",
    # photo credits and captions
    "anna-beispiel (unsplash)",
    "Fotolia-Lizenzfoto #123",
    "Erika Muster (links) und Max Beispiel unterzeichnen den Vertrag.",
    # a gazette's rubrics and its page navigation
    "Aus dem Stadtleben",
    "Nachrichten anderer Stellen und Behörden",
    "Amtliche Bekanntmachungen",
    "Zurück zur vorigen Seite",
    # status lines of council minutes
    "Beschluss: einstimmig beschlossen",
    "Beschluss: zur Kenntnis genommen",
    # share buttons and the search box
    "Teilen auf Facebook und Twitter",
    "Diese Seite teilen: Facebook, WhatsApp",
    "Suche nach Inhalten der Website",
    # a letterhead: the sender's name alone, its address
    "Landratsamt Bautzen",
    "Stadt Frankfurt (Oder)",
    "Bahnhofstraße 9, 02625 Bautzen",
])
def test_page_furniture_is_not_a_headline(line):
    assert not is_headline(line)


def test_the_title_is_the_first_headline_line_after_furniture():
    text = ("Skip to content\nSie sind auf Seite 1von 2\nFoto: Kreisverwaltung\n"
            "Landkreise unterzeichnen Partnerschaftsvertrag\nDer Landkreis A und der Landkreis B ...")
    assert guess_title(text) == "Landkreise unterzeichnen Partnerschaftsvertrag"


def test_a_letterhead_with_a_slash_in_the_name_is_not_the_title():
    text = ("Landkreis Nienburg/Weser\nKreishaus am Schlossplatz, 31582 Nienburg\nPressemitteilung vom 14.03.2023\n"
            "Landkreise Nienburg und Diepholz bauen gemeinsames Tierheim\nDie Landkreise haben vereinbart …")
    assert guess_title(text) == "Landkreise Nienburg und Diepholz bauen gemeinsames Tierheim"


@pytest.mark.parametrize("line", [
    "Zwei Landkreise besiegeln ihre Partnerschaft",
    "Partnerschaft | Landkreise besiegeln Vertrag",
    "3. Vernetzungstreffen der Modellregionen",
    "Bürgermeister besucht die Partnerstadt",
    "Aus dem Stadtrat: Kooperationsvereinbarung zwischen den Städten unterzeichnet",
    "Nachrichten anderer Stellen - Zweckverband beschließt neue Satzung",
    # the verb „teilen“ and the noun „Suche“ in a headline are no share button or search box
    "Städte Neuss und Grevenbroich teilen sich künftig eine Vergabestelle",
    "Gemeinsame Suche nach einem Standort für die Feuerwache",
    "Gemeinsamer Datenschutzbeauftragter für drei Ämter",
    "Übersetzungsdienst für Geflüchtete startet in zwei Landkreisen",
    "Stadt Cottbus und Landkreis Spree-Neiße unterzeichnen Vertrag",
    "Landkreis Görlitz startet Projekt mit Zgorzelec",
])
def test_headlines_with_numbers_or_separators_stay_headlines(line):
    assert is_headline(line)


@pytest.mark.parametrize("line, cut", [
    ("Der Musterstädter Oberbürgermeister Dr. Erika Muster hat am 1. Mai den Vorsitz des Ausschusses übernommen. "
     "Sie folgt auf den Landrat des Kreises, der das Amt seit acht Jahren innehatte und nun in den Ruhestand geht.",
     "Der Musterstädter Oberbürgermeister Dr. Erika Muster hat am 1. Mai den Vorsitz des Ausschusses übernommen."),
    ("Die Städte A. und B. arbeiten bzw. planen gemeinsam seit dem 3. März. Danach folgen viele weitere Sätze, "
     "die den Titel nur länger machen würden, ohne etwas Neues zu sagen, und deshalb abgeschnitten werden.",
     "Die Städte A. und B. arbeiten bzw. planen gemeinsam seit dem 3. März."),
])
def test_a_long_lead_is_cut_after_its_first_sentence_not_after_an_abbreviation(line, cut):
    assert guess_title(line) == cut


@pytest.mark.parametrize("text", [
    "date 2019-11 Erika Muster\nLandkreise besiegeln ihre Partnerschaft\nDer Landkreis A ...",
    "Von Erika Muster\nLandkreise besiegeln ihre Partnerschaft\nDer Landkreis A ...",
])
def test_the_authors_byline_is_not_the_title(text):
    assert guess_title(text) == "Landkreise besiegeln ihre Partnerschaft"


def test_a_short_headline_of_capitalised_words_is_kept():
    assert guess_title("Arbeitsgemeinschaft Bauhof\nDie Gemeinden A und B ...") == "Arbeitsgemeinschaft Bauhof"


def test_a_file_name_as_metadata_title_gives_way_to_the_headline():
    doc = make_document("bericht", "bericht.pdf", "Zweckverband gegründet\nDie Städte A und B gründen ...",
                        title="20200303-bericht-zv-final")
    assert doc.title == "Zweckverband gegründet"


# --- years and genres ---------------------------------------------------------------------------------------


def candidates(text, published=None):
    return {c.year: c for c in feats.year_candidates(text, 40, published, date(2026, 12, 1))}


def test_year_candidates_carry_where_each_year_stands():
    found = candidates("Bereits 2013 besuchten sich die Kreise. Am 3. Juli 2014 trafen sich die Landräte in Forst.")
    assert found[2013].features["passing_before"] == 1.0 and found[2013].features.get("full_date") == 0.0
    assert found[2014].features["full_date"] == 1.0 and found[2014].day == date(2014, 7, 3)
    found = candidates("Die Kreise kooperieren. Der Plan gilt von 2019 bis 2021, er kostet 2020 Euro mehr.")
    assert found[2019].features["passing_after"] == 1.0 and found[2020].features["passing_after"] == 1.0


def test_a_planned_date_offers_the_year_before_as_a_candidate():
    found = candidates("Die Bürgermeister trafen sich am Donnerstag. Das nächste Treffen ist im Mai 2019 geplant.")
    assert found[2019].features["future_sentence"] == 1.0
    assert found[2018].features["before_plan"] == 1.0 and found[2018].features["in_text"] == 0.0


def test_the_publication_year_is_a_candidate_and_no_year_means_no_candidate():
    assert candidates("Die Städte kooperieren.", published=date(2020, 5, 1))[2020].features["published"] == 1.0
    assert candidates("Die Städte kooperieren.") == {}


def test_genre_words_are_counted_from_the_signal_scan(gazetteer):
    from koopatlas.extract import Extractor

    extractor = Extractor(gazetteer)
    text = "Polizei sucht Zeugen: Unfall auf der B 1, der Fahrer wurde verletzt. Vollsperrung bis Montag."
    genres = feats.genre_counts(extractor.signals.hits(text))
    assert genres["police"] >= 3 and genres["traffic"] >= 1
    honours = "Der Bürgermeister überreichte Ehrenurkunden und eine Dankurkunde; die Medaille ging an den Ehrenbürger."
    assert feats.genre_counts(extractor.signals.hits(honours))["honour"] == 4
    # an obituary is, like an honour, about one person, not about authorities working together
    obituary = "Nachruf: Die Stadt trauert um ihren Altbürgermeister, der im Alter von 84 Jahren verstorben ist."
    assert feats.genre_counts(extractor.signals.hits(obituary))["honour"] == 3


def test_a_ministrys_name_names_no_topic_and_smart_cities_are_digital(gazetteer):
    from koopatlas.extract import Extractor

    extractor = Extractor(gazetteer)
    text = ("Die Städte Lörrach und Weil am Rhein entwickeln eine App. Das Bundesministerium für Wohnen, "
            "Stadtentwicklung und Bauwesen fördert sie im Programm Modellprojekte Smart Cities.")
    rows = extractor.analyse(make_document("satz", "satz.txt", text)).topics
    assert feats.is_absent(rows["raum"])  # Wohnen, Stadtentwicklung: the ministry's name
    assert not feats.is_absent(rows["digitalisierung"])  # Smart Cities


def test_an_authoritys_name_names_no_topic(gazetteer):
    from koopatlas.extract import Extractor

    extractor = Extractor(gazetteer)
    text = "Die Verwaltungsgemeinschaft Hollfeld und die Stadt Bayreuth bauen gemeinsam einen Radweg."
    rows = extractor.analyse(make_document("satz", "satz.txt", text)).topics
    assert feats.is_absent(rows["verwaltung"])  # the Verband's name
    assert not feats.is_absent(rows["mobilitaet"])
    text = "Die Stadt Bayreuth und die Stadt Kulmbach modernisieren gemeinsam ihre Verwaltungen."
    assert not feats.is_absent(extractor.analyse(make_document("satz", "satz.txt", text)).topics["verwaltung"])


def test_topic_words_inside_overlapping_names_are_all_dropped_and_only_those():
    # a ministry, a street inside an authority's name, a name that touches the next one
    hits = [("topic:verwaltung", "verwaltung", 5), ("topic:umwelt", "umwelt", 12), ("topic:raum", "bauen", 19),
            ("topic:bildung", "schule", 30), ("coop", "gemeinsam", 8)]
    kept = feats._topic_signals("x" * 40, hits, [(4, 10), (8, 14), (14, 20)])
    assert kept == [("topic:bildung", "schule", 30), ("coop", "gemeinsam", 8)]


def test_the_event_type_sees_the_topic_the_text_speaks_of_most(gazetteer):
    from koopatlas.extract import Extractor

    extractor = Extractor(gazetteer)
    text = ("Kultur verbindet\nDie Partnerstädte Lünen und Werne feiern ein Kulturfest mit Musik, Theater und "
            "Kunst; auch der Tourismus profitiert. Die Schulen sind dabei.")
    analysis = extractor.analyse(make_document("satz", "satz.txt", text))
    row = extractor.type_features(analysis, [])
    assert row.get("main_topic=kultur_tourismus") == 1.0
    assert [k for k in row if k.startswith("main_topic=")] == ["main_topic=kultur_tourismus"]
    assert feats.main_topic({}) == {}


def test_a_database_from_before_the_coordinates_still_reads_its_foreign_names():
    import duckdb

    from koopatlas import store

    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE foreign_names (variant VARCHAR NOT NULL, name VARCHAR NOT NULL, "
                "country VARCHAR NOT NULL, population INTEGER, kind VARCHAR NOT NULL)")
    con.execute("INSERT INTO foreign_names VALUES ('Słubice', 'Słubice', 'PL', 17567, 'name')")
    store.ensure_schema(con)  # adds the empty columns
    found = ForeignMatcher.from_db(con, set()).find("Frankfurt (Oder) und Słubice pflegen ihre Städtepartnerschaft.",
                                                   set(), [])
    assert [(m.place.name, m.place.lon) for m in found] == [("Słubice", None)]


@pytest.mark.parametrize("sentence", [
    "Ehemalige Kreisstadt Hagenow und Ludwigslust arbeiten zusammen.",
    "Die Gemeinden im Landkreis Görlitz arbeiten zusammen.",
    "Im Altkreis Hagenow trafen sich die Bürgermeister.",
    "Der Partnerkreis grenzt an die Nachbarkreise Groß-Gerau und Offenbach.",
    "Die Stadt liegt in unmittelbarer Nachbarschaft zum Landkreis Mansfeld-Südharz.",
    "Nach dem Vorbild des Landkreises Passau soll die Zusammenarbeit wachsen.",
    "Vorbild ist die Kooperation der Städte Jever und Wittmund.",
    "Ähnliche Modelle gibt es bereits in Vechta.",
    "Der Landkreis Zwickau als Rechtsaufsicht hat die Vereinbarung genehmigt.",
    "Es fehlt noch die Genehmigung durch das Landratsamt Mittelsachsen.",
    "Die Kommunalaufsicht des Kreises Dithmarschen hat der Vereinbarung zugestimmt.",
    "Das Landratsamt Meißen hat die Zweckvereinbarung am Montag genehmigt.",
])
def test_a_place_named_as_background_is_marked_so_in_any_case(linker, sentence):
    linked = linker.link(sentence)
    assert linked and linked[0].background


def test_the_places_a_neighbour_list_names_are_all_background(linker):
    linked = linker.link("Der Kreis grenzt an die Nachbarkreise Groß-Gerau, Offenbach und Bergstraße. Offenbach lädt ein.")
    assert [lk.background for lk in linked] == [True, True, True, False]


def test_a_background_list_counts_as_no_list_of_parties(gazetteer):
    from koopatlas.extract import Extractor

    extractor = Extractor(gazetteer)
    text = ("Die Landkreise Kulmbach und Zwickau erneuern ihre Partnerschaft. Der Landkreis Kulmbach grenzt an die "
            "Nachbarkreise Bayreuth, Hof und Kronach.")
    an = extractor.analyse(make_document("nachbarn", "nachbarn.txt", text))
    rows = {a.name: f for a, f in zip(an.authorities, an.candidates, strict=True)}
    assert rows["Zwickau"]["in_list"] == 1.0 and rows["Zwickau"].get("list_size<=2") == 1.0
    for neighbour in ("Bayreuth", "Hof", "Kronach"):
        assert rows[neighbour]["background"] == 1.0 and rows[neighbour]["in_list"] == 0.0
        assert rows[neighbour].get("list_size<=1") == 1.0


def test_a_place_named_only_in_an_institutions_name_takes_no_part(gazetteer):
    from koopatlas.extract import Extractor

    extractor = Extractor(gazetteer)  # the shipped model
    text = ("Die Sparkasse Celle-Gifhorn-Wolfsburg unterstützt das gemeinsame Projekt der Stadt Uelzen und der "
            "Gemeinde Bienenbüttel. Die Kooperation startet 2023.")
    event = extractor.extract(make_document("satz", "satz.txt", text))
    parties = {a.ags for a in event.authorities if a.role == "participant"}
    assert {"03360025", "03360004"} <= parties  # Uelzen, Bienenbüttel
    assert not parties & {"03351006", "03151009", "03103"}  # not Celle, Gifhorn, Wolfsburg: the bank's name
    seminar = ("Studierende der Universität Hamburg besuchten die Landrätin im Kreishaus des Kreises Pinneberg und "
               "informierten sich über die Zusammenarbeit in der Metropolregion Hamburg.")
    event = extractor.extract(make_document("satz", "satz.txt", seminar))
    assert "02000" not in {a.ags for a in event.authorities if a.role == "participant"}  # a university, a region's name


def test_the_publisher_is_the_authority_named_by_the_web_address(linker):
    text = "Die Stadt Osnabrück und der Landkreis Osnabrück kooperieren mit dem Landkreis Görlitz und Frankfurt (Oder)."
    authorities = linker.authorities(text)
    regions = linker.regions
    assert feats.publisher("https://www.osnabrueck.de/presse/1", authorities, regions) == "03404"  # the town
    assert feats.publisher("https://www.landkreis-osnabrueck.de/a", authorities, regions) == "03459"  # the Kreis
    assert feats.publisher("https://www.kreis-goerlitz.de/a", authorities, regions) == "14626"
    assert feats.publisher("https://webris.frankfurt-oder.de/x", authorities, regions) == "12053"
    assert feats.publisher("https://www.abendblatt.de/region/1", authorities, regions) is None  # a newspaper
    assert feats.publisher(None, authorities, regions) is None
    assert feats.publisher("https://www.landkreis-harz.de/a", authorities, regions) is None  # not named in the text


def test_a_town_named_as_such_beside_its_kreis_has_its_own_evidence(con):
    from koopatlas.extract import Extractor
    from koopatlas.sources import make_document

    text = ("Gemeinsame Kita\nDie Stadt Gräfenberg und die Gemeinden Hiltpoltstein und Weißenohe bauen gemeinsam eine "
            "Kita. Das Landratsamt Forchheim hat Fördermittel in Aussicht gestellt. Auch Hiltpoltstein zahlt mit.")
    an = Extractor.from_db(con).analyse(make_document("kita", "kita.txt", text))
    rows = {a.ags: row for a, row in zip(an.authorities, an.candidates, strict=True)}
    assert rows["09474173"]["kreis_named_too"] == 1.0 and rows["09474173"]["kreis_named_too:cued"] == 1.0  # Weißenohe
    assert "kreis_named_too:cued" not in rows["09474"]  # the Landkreis itself


def test_an_amt_named_as_such_beside_its_kreis_has_the_same_evidence(con):
    from koopatlas.extract import Extractor
    from koopatlas.sources import make_document

    text = ("Ämterkooperation\nDie Ämter Büchen und Breitenfelde im Kreis Herzogtum Lauenburg teilen sich künftig einen "
            "IT-Dienstleister. Die Amtsdirektoren unterzeichneten am Donnerstag einen Vertrag.")
    extractor = Extractor.from_db(con)
    an = extractor.analyse(make_document("amt", "amt.txt", text))
    rows = {a.ags: row for a, row in zip(an.authorities, an.candidates, strict=True)}
    assert rows["010535318"]["kreis_named_too:cued"] == 1.0  # Amt Büchen
    assert rows["010535313"]["kreis_named_too:cued"] == 1.0  # Amt Breitenfelde
    parties = {a.ags for a in extractor.extract(make_document("amt", "amt.txt", text)).with_role("participant")}
    assert {"010535318", "010535313"} <= parties
