"""Entity linking on short German sentences: every hard case of the issue, in our own words."""

import pytest

from koopatlas.extract.places import ROLE_LOCATION, ROLE_MENTIONED, ROLE_PARTICIPANT, PlaceLinker


@pytest.fixture(scope="module")
def linker(gazetteer):
    return PlaceLinker(gazetteer)


def roles(linker, text):
    return {a.ags: a.role for a in linker.authorities(text)}


def participants(linker, text):
    return {ags for ags, role in roles(linker, text).items() if role == ROLE_PARTICIPANT}


def test_kreis_versus_city_of_the_same_name(linker):
    assert participants(linker, "Der Landkreis Osnabrück und der Burgenlandkreis arbeiten zusammen.") == {"03459", "15084"}
    assert "03459" in participants(linker, "Das Treffen mit dem Burgenlandkreis fand im Kreishaus Osnabrück statt, Landrat Lübbersmann begrüßte die Gäste.")
    assert participants(linker, "Die Stadt Osnabrück und die Stadt Münster vereinbaren eine Kooperation.") == {"03404", "05515"}


def test_stadt_und_landkreis_names_two_authorities(linker):
    assert participants(linker, "Für Stadt und Landkreis Kaiserslautern wurde eine gemeinsame Studie erstellt.") == {"07312", "07335"}


def test_a_kreis_named_before_und_der_stadt_is_not_that_citys_kreis(linker):
    text = "Vertreter aus dem Main-Kinzig-Kreis und der Stadt Offenbach am Main trafen sich."
    assert participants(linker, text) == {"06435", "06413"}  # not also the Landkreis Offenbach
    assert participants(linker, "Der Landkreis und die Stadt Kassel arbeiten zusammen.") >= {"06611", "06633"}


def test_a_venue_stays_the_town_beside_the_kreis_of_its_name(linker):
    text = "Beim Treffen in Bamberg berieten die Städte Nürnberg und Fürth sowie die Landkreise Forchheim und Bamberg."
    found = roles(linker, text)
    assert {"09461", "09471"} <= set(found)  # Stadt Bamberg (the venue) and Landkreis Bamberg
    assert found["09461"] == ROLE_LOCATION


@pytest.mark.parametrize("name, city, kreis", [
    ("Rosenheim", "09163", "09187"),  # not the Gemeinde Rosenheim (Landkreis Altenkirchen)
    ("Oldenburg", "03403", "03458"),  # not Oldenburg in Holstein
    ("Hof", "09464", "09475"),
])
def test_stadt_und_landkreis_names_the_city_nearest_the_kreis(linker, name, city, kreis):
    assert participants(linker, f"Stadt und Landkreis {name} unterzeichnen eine Kooperationsvereinbarung.") == {city, kreis}


def test_one_name_is_one_town_throughout_a_text(linker):
    text = ("Gefördert werden Vorhaben in den Gemeinden Altdorf, Burgthann, Leinburg und Schwarzenbruck. "
            "Die Gemeinde Altdorf erhält 120.000 Euro.")
    found = roles(linker, text)
    assert "09574112" in found  # Altdorf b. Nürnberg, beside Burgthann
    assert not {"07337002", "08115002", "08116005", "09274113"} & set(found)  # no other Altdorf


def test_same_named_towns_by_their_qualifier(linker):
    text = "Vertreter aus Neustadt an der Weinstraße, Neustadt in Sachsen und Neustadt (Hessen) trafen sich im Netzwerk."
    assert {"07316", "14628260", "06534016"} <= participants(linker, text)


def test_the_kreis_a_gemeinde_lies_in_only_locates_it(linker):
    text = "Die Gemeinde Niederaichbach im Landkreis Landshut und die Stadt Moosburg arbeiten zusammen."
    linked = {lk.text: lk.qualifier_of for lk in linker.link(text)}
    assert linked["Landkreis Landshut"] == 0 and linked["Stadt Moosburg"] is None
    # „im“ locates only with the Kreis that holds the place before it (Moosburg lies in the Kreis Freising)
    text = "Gespräche zwischen der Stadt Moosburg im Landkreis Landshut über die Buslinie."
    assert all(lk.qualifier_of is None for lk in linker.link(text))


def test_a_flecken_is_a_town(linker):
    text = "Der Flecken Ottersberg und die Gemeinde Oyten gründen eine gemeinsame Gesellschaft."
    assert {lk.text: lk.cue for lk in linker.link(text)}["Ottersberg"] == "city"  # Lower Saxony's market towns


def test_a_list_after_landkreise_is_a_list_of_kreise(linker):
    text = "Am Nachmittag berichteten die Landkreise Neustadt an der Waldnaab, Coesfeld und Lörrach über ihre Projekte."
    assert participants(linker, text) == {"09374", "05558", "08336"}


def test_same_named_gemeinden_by_the_kreis_or_land_named_nearby(linker):
    text = "Die Gemeinden Lauf und Sasbach im Ortenaukreis arbeiten in der Verwaltung eng zusammen."
    assert {"08317068", "08317116"} <= participants(linker, text)
    text = "Die Stadt Mühlhausen und der Unstrut-Hainich-Kreis starten ein gemeinsames Projekt."
    assert "16064046" in participants(linker, text)


@pytest.mark.parametrize(
    ("text", "ags"),
    [
        ("Die Landkreise Coesfeld und Bernkastell-Wittlich stellten ihren digitalen Dienst vor.", "07231"),
        ("Das nächste Vernetzungstreffen der Landkreise findet in Neustadt an der Waaldnaab statt.", "09374"),
        ("Der Saalekereis und die Stadt Halle (Saale) vereinbaren eine Zusammenarbeit.", "15088"),
    ],
)
def test_typos_are_repaired_where_it_is_safe(linker, text, ags):
    assert ags in roles(linker, text)


@pytest.mark.parametrize(
    "text",
    [
        "Nach der Sitzung gab es ein gemeinsames Essen im Hof des Rathauses.",
        "Die Kühe standen auf den Weiden, in der Halle fand das Fest statt.",
        "Landrat Karl Roth und Bürgermeisterin Bettina Kist lobten die Lage.",
        "Ein Bruch der Vereinbarung wäre ein schwerer Fehler, sagte er.",
    ],
)
def test_words_that_are_also_places_need_a_place_context(linker, text):
    assert participants(linker, text) == set()


@pytest.mark.parametrize("text", [
    "Beteiligt sind unter anderem Lemgo, Bad Salzuflen und Blomberg.",
    "Die Kreise planen gemeinsam, insbesondere Lemgo, Bad Salzuflen und Blomberg machen mit.",
])
def test_an_adverb_that_ends_like_an_adjective_does_not_make_the_next_name_a_noun(linker, text):
    assert {"05766044", "05766008", "05766016"} <= set(roles(linker, text))


@pytest.mark.parametrize("text, actor", [
    ("Eine Quartiersmanagerin aus Hannover soll die Vermieter beraten.", False),
    ("Die Stadtplan GmbH aus Goslar erstellt eine Karte.", False),
    ("Ein Ingenieurbüro aus Bielefeld erhebt die Daten.", False),
    ("Jens Schulze aus Hannover sprach für die Stadt.", True),
    ("Die Bürgermeister aus Hannover und Celle unterzeichneten.", True),
    ("Interessierte Unternehmen aus Hannover haben angefragt.", False),  # an adjective and a group, no name
    ("Viele Vereine aus Hannover machen mit.", False),
])
def test_a_person_from_a_town_is_its_actor_but_a_hired_expert_or_a_company_is_not(linker, text, actor):
    assert (linker.link(text)[0].cue == "actor") is actor


def test_places_named_for_a_similar_thing_elsewhere_are_background(linker):
    text = ("Die Landkreise Kusel und Birkenfeld bieten eine gemeinsame Pflegeberatung an. Bereits 2019 hatten die "
            "Kreise Kaiserslautern und Donnersbergkreis ein ähnliches Modell eingeführt.")
    background = {lk.ags: lk.background for lk in linker.link(text)}
    assert background == {"07336": False, "07134": False, "07335": True, "07333": True}
    text = ("Forst und Guben vereinbaren eine Zusammenarbeit. Eine ähnliche Vereinbarung gibt es bereits zwischen "
            "den Städten Eisenhüttenstadt und Cottbus.")
    assert {lk.ags for lk in linker.link(text) if lk.background} == {"12067120", "12052"}


def test_firms_from_a_town_do_not_make_it_a_party(linker):
    text = ("Die Städte Hermsdorf und Stadtroda entwickeln gemeinsam ein Gewerbegebiet. Interessierte Unternehmen "
            "aus Jena und Gera haben bereits angefragt.")
    assert participants(linker, text) == {"16074041", "16074094"}
    assert {lk.ags: lk.background for lk in linker.link(text)}["16053"]


@pytest.mark.parametrize("text", [
    "Die Delegation besuchte Lemgo und Blomberg.",
    "Teilgenommen haben Lemgo und Blomberg.",
    "Die Bürgermeister begrüßten Lemgo als neues Mitglied.",
])
def test_a_town_after_a_verb_that_ends_like_an_adjective_stays_a_town(linker, text):
    assert "05766044" in roles(linker, text)  # Lemgo is no German word; „der gesamträumlichen Lage“ stays none


def test_v_d_may_stand_for_vor_dem(linker):
    assert "16063006" in roles(linker, "Teilgenommen haben Berka vor dem Hainich, Bischofroda und Nazza.")


def test_a_surname_given_after_an_office_and_first_name_is_a_person_throughout(linker):
    text = ("Bürgermeisterin Anna Igel empfing den Landrat des Kreises Havelland. "
            "Igel betonte, man wolle enger zusammenarbeiten.")
    assert "07235051" not in roles(linker, text)
    assert "12063" in participants(linker, text)


def test_an_office_then_one_name_then_lower_case_is_a_surname_and_the_name_before_it_a_first_name(linker):
    # "Haag" (Haag a.d. Amper) and "Achim" (Stadt Achim) are towns; here they name the mayor
    text = ("Der Bürgermeister der Verbandsgemeinde Altenahr Achim Haag empfing die Gäste aus dem Kreis Ahrweiler. "
            "Bürgermeister Haag bedauerte, dass es schwer sei, junge Menschen zu gewinnen.")
    found = roles(linker, text)
    assert "09178129" not in found and "03361001" not in found
    assert "071315002" in found


@pytest.mark.parametrize("office", [
    "Oberbürgermeisterin", "Bezirksbürgermeister", "Bürgermeister", "bürgermeister", "Landrat", "Landrätin",
    "Beigeordneter", "Dezernentin", "Stadtrat", "Stadträtin", "Kreisrat", "Amtsleiterin", "Amtsdirektor",
    "Staatssekretärin", "Bundesministerin", "Innenminister", "Ministerpräsident", "Ministerin", "Bundeskanzler",
    "Kanzlerin", "Abgeordnete", "Herr", "Frau"])
def test_persons_are_found_after_every_office_as_by_the_pattern_alone(office):
    from koopatlas.extract.places import _PERSON_NAMED, persons_named

    text = (f"Am Montag sprach {office} Dr. Anna Berg-Igel mit Unterbürgermeister Max Haag; "
            f"Vize{office} Karl Lauf und {office} Lemgo bedauerte, so {office} Sven Strauß.")
    expected = [(m.span(), m.groupdict()) for m in _PERSON_NAMED.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in persons_named(text)] == expected
    assert len(expected) == 3  # Berg-Igel, Lemgo (a surname: lower case follows) and Strauß; not inside a word


@pytest.mark.parametrize("noun", ["Partnerstadt", "Partnerlandkreis", "Nachbargemeinde", "Stadt", "Gemeinde",
                                  "Kommune", "Landkreises", "Kreis", "Region", "Provinz", "Bezirk", "Bezirkes"])
def test_a_country_adjective_and_a_place_noun_put_a_name_abroad(noun):
    from koopatlas.extract.places import abroad_country

    text = f"Gäste aus der polnischen {noun} Krosno kamen. Die {noun} Krosno liegt am Fluss."
    first = text.index("Krosno")
    assert abroad_country(text, first, first + 6) == "PL"
    second = text.index("Krosno", first + 1)
    assert abroad_country(text, second, second + 6) is None


@pytest.mark.parametrize("office", [
    "Landrat", "Landrätin", "Kreistag", "Kreisverwaltung", "Landratsamt", "Oberbürgermeisterin", "Bürgermeister",
    "bürgermeister", "OB", "Rathaus", "Rathauschefin", "Stadtrat", "Stadtverwaltung", "Gemeinderat", "Stadtspitze",
    "Kreisspitze", "Verwaltungsspitze", "Delegation", "Abordnung", "Gästen", "Besuchergruppe", "Amtskollegin",
    "Kollegen", "kollege", "Vertreterinnen", "Ex-Landrat"])
def test_demonyms_before_every_office_are_found_as_by_the_pattern_alone(office):
    from koopatlas.extract.places import _DEMONYM_OFFICE, demonym_office_starts

    text = (f"Der Bautzener {office} und der Görlitzer\n{office} trafen den Vertreter {office}; "
            f"ein Leiter{office} und die Dresdner  {office}n kamen.")
    expected = [m.start() for m in _DEMONYM_OFFICE.finditer(text)]
    assert demonym_office_starts(text) == expected
    assert len(expected) >= 3  # Bautzener, Görlitzer (across a line break), Vertreter; not inside a word


@pytest.mark.parametrize("before", [
    "die ehemalige Kreisstadt ", "im früheren ", "des Altkreises ", "beispielsweise mit ", "z. B. in ", "u.a. die ",
    "darunter auch ", "Gemeinden im Landkreis ", "Einwohnerinnen und Einwohner des ", "Unternehmen aus ",
    "das Technische Hilfswerk aus ", "ein 34-jähriger Autofahrer aus ", "ein Mann aus der ", "auf der B 27 zwischen ",
    "der Kreis grenzt an die Nachbarkreise ", "liegt im ", "nach dem Vorbild des Landkreises ",
    "wie schon in ", "Ähnliche Zusammenschlüsse hätten sich bereits in den Regionen ",
    "Der Landrat traf den Bürgermeister von ", "Die Stadt arbeitet mit ", "Am Montag kamen Gäste aus "])
def test_the_background_words_are_found_part_by_part_as_by_the_whole_pattern(before):
    from koopatlas.extract.places import _BACKGROUND, _background_before

    assert _background_before(before) == bool(_BACKGROUND.search(before))
    assert _background_before(before.upper()) == bool(_BACKGROUND.search(before.upper()))


def test_an_office_before_a_town_in_a_caption_keeps_the_town(linker):
    text = "Sven Strauß (Oberbürgermeister Sangerhausen) und Silke Engler (Bürgermeisterin Stadt Baunatal) unterzeichnen."
    assert "15087370" in roles(linker, text)


def test_an_office_before_a_place_noun_names_no_person(linker):
    text = "Die Verträge unterzeichneten Anna Berg (Bürgermeisterin Gemeinde Igel) und die Stadt Trier. Igel feiert."
    assert "07235051" in roles(linker, text)


def test_a_demonym_before_an_office_names_the_place_at_the_offices_level(linker):
    text = ("Der Görlitzer Landrat und der Bautzener Ex-Landrat trafen den Dresdner Oberbürgermeister "
            "und die Münchner Bürgermeisterin.")
    found = roles(linker, text)
    assert {"14626", "14625", "14612", "09162"} <= set(found)  # Landkreise Görlitz, Bautzen; Dresden, München
    assert "14626110" not in found and "14625020" not in found  # not the towns Görlitz, Bautzen
    assert not roles(linker, "Neuer Bürgermeister ist ein Parteiloser Bürgermeister.")  # adjectives are no demonyms


def test_a_demonym_before_a_delegation_or_a_colleague_names_the_place(linker):
    found = participants(linker, "Eberbachs Bürgermeister und sein Schönbrunner Kollege unterzeichneten die Vereinbarung.")
    assert "08226081" in found  # Schönbrunn (Rhein-Neckar-Kreis), the colleague's Gemeinde
    assert "05911" in participants(linker, "Die Stadt Lünen und die Bochumer Stadtspitze vereinbarten eine Kooperation.")
    found = roles(linker, "Eine Zwickauer Delegation besuchte den Landkreis Lörrach.")
    assert {"08336"} < set(found) and any(a.startswith("14524") for a in found)  # Zwickau, Stadt or Kreis
    # the plural „Rathauschefs“ of a Kreis's demonym names many towns, not one
    assert not any(a.startswith("09176") for a in roles(linker, "Die Eichstätter Rathauschefs fuhren nach Hessen."))


def test_a_towns_people_as_a_plural_noun_name_the_town(linker):
    found = roles(linker, "Die Bochumer pflegen seit Jahren eine Freundschaft mit der Stadt Lünen.")
    assert "05911" in found  # Bochum
    assert not roles(linker, "Die Bürgermeister pflegen eine Freundschaft.")  # a plural noun that names no town


def test_a_plural_place_noun_before_a_list_keeps_its_first_name(linker):
    text = "Die Marktgemeinden Arberg und Bechhofen sowie die Gemeinde Burk arbeiten beim Bauhof zusammen."
    assert {"09571113", "09571115", "09571128"} <= participants(linker, text)


def test_a_place_glued_to_its_office_by_a_hyphen_is_that_authority(linker):
    text = "Die Zusammenarbeit sei eng, sagte Kyffhäuser-Landrätin Anna Berg beim Landkreis Nordhausen."
    assert "16065" in roles(linker, text)


def test_common_word_places_are_linked_when_the_context_says_place(linker):
    text = "Die Städte Essen und Hof sowie die Stadt Weiden i.d. OPf. tauschen sich aus."
    assert {"05113", "09464", "09363"} <= participants(linker, text)


def test_city_state_is_named_by_its_kreis_level_ags(linker):
    assert "11000" in participants(linker, "Der Bezirk Spandau und der Landkreis Havelland besiegeln ihre Partnerschaft.")


def test_venue_only_is_a_location_and_a_land_is_only_mentioned(linker):
    text = ("Der Landkreis Vorpommern-Rügen besucht den Landkreis Spree-Neiße. Das Treffen findet im Rathaus in "
            "Forst (Lausitz) statt. Beide Kreise liegen in Brandenburg und Mecklenburg-Vorpommern.")
    found = roles(linker, text)
    assert found["13073"] == ROLE_PARTICIPANT and found["12071"] == ROLE_PARTICIPANT
    assert found["12071076"] == ROLE_LOCATION
    assert found["12"] == ROLE_MENTIONED


def test_postal_address_is_a_location(linker):
    text = "Der Landkreis Uelzen und der Kreis Coesfeld treffen sich. Adresse: Heinrich-Heine-Straße 1, 03149 Forst (Lausitz)."
    assert roles(linker, text)["12071076"] == ROLE_LOCATION


def test_institution_named_after_a_town_is_not_the_town(linker):
    text = "Die Stadt Landau und der Landkreis Südliche Weinstraße beauftragen die Universität Kassel mit einer Studie."
    found = roles(linker, text)
    assert found.get("06611") != ROLE_PARTICIPANT
    assert {"07313", "07337"} <= participants(linker, text)


def test_a_landrats_town_in_brackets_is_the_kreis_also_after_a_middle_name(linker):
    text = ("Landrat Jens Marco Scherf (Miltenberg) traf seinen Amtskollegen im Main-Tauber-Kreis, Landrat Christoph "
            "Schauder, zum Antrittsbesuch.")
    assert {lk.ags: lk.cue for lk in linker.link(text)}["09676"] == "actor"
    assert "09676139" not in roles(linker, text)  # the town Miltenberg
    assert "05958004" in participants(linker, "Die Bürgermeister Ralf Paul Bittner (Arnsberg) und Hubert Wegener (Ense) "
                                              "unterzeichneten die Vereinbarung.")


def test_person_with_town_in_brackets_makes_the_town_a_participant(linker):
    text = ("Am Freitag unterzeichneten die Bürgermeister Urte Steinberg (Pinneberg), Niels Schmidt (Wedel) "
            "und Thomas Köppl (Quickborn) die Vereinbarung.")
    assert {"01056039", "01056050", "01056041"} <= participants(linker, text)


@pytest.mark.parametrize(
    ("text", "ags"),
    [
        ("Es unterschrieben Claudius von Rüden (Halstenbek) und Günther Hildebrand (Ellerbek).", "01056018"),
        ("Die Sprecher der Kreise, Warendorf (Dr. Karl-Uwe Strothmann, Beckum) und Coesfeld (Richard Borgmann, "
         "Lüdinghausen), trafen sich.", "05558024"),
        ("Die Sprecher der Kreise, Warendorf (Dr. Karl-Uwe Strothmann, Beckum) und Coesfeld (Richard Borgmann, "
         "Lüdinghausen), trafen sich.", "05570008"),
    ],
)
def test_a_town_after_a_persons_name_with_particle_or_in_one_bracket_is_an_actor(linker, text, ags):
    linked = {a.ags: a for a in linker.authorities(text)}
    assert ags in linked and any(m.cue == "actor" for m in linked[ags].mentions)


def test_former_kreis_links_to_todays_kreis(linker):
    text = "Die Partnerschaft mit dem Altkreis Hainichen begann 1990; heute pflegt sie der Landkreis Starnberg mit Mittelsachsen."
    assert "14522" in roles(linker, text)


def test_confidence_is_between_zero_and_one(linker):
    for authority in linker.authorities("Lünen, Essen und Kreis Wesel arbeiten im Labor zusammen."):
        assert 0 < authority.confidence <= 1


@pytest.mark.parametrize(
    ("text", "ags"),
    [
        # Kirchheim: the Landkreis named nearby decides
        ("Die Gemeinde Kirchheim im Landkreis München und die Gemeinde Aschheim vereinbaren eine Kooperation.", "09184131"),
        # Forst: the Lausitz town next to Cottbus, not Forst in Baden or in der Eifel
        ("Die Städte Forst und Cottbus unterzeichnen eine Vereinbarung zum Strukturwandel in der Lausitz.", "12071076"),
        # Forst in Baden: its neighbours are in the Landkreis Karlsruhe
        ("Die Gemeinden Forst und Hambrücken im Landkreis Karlsruhe betreiben gemeinsam eine Kläranlage.", "08215021"),
    ],
)
def test_same_named_gemeinden_by_their_neighbours(linker, text, ags):
    assert ags in participants(linker, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sie zog den Mantel an und ging zu den Burgen am Rhein, vorbei an Wiesen und Feldern.",
        "Zum Essen gab es Fisch, danach einen Spaziergang über die Wiesen.",
    ],
)
def test_more_words_that_are_also_places(linker, text):
    assert participants(linker, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ohne Wissen und Sinn für Ordnung geht es nicht, sagte der Landrat des Landkreises Hof.",
        "Die Behörde hat mit Bescheid vom 10. März den Antrag genehmigt; der Landkreis Hof prüft ihn.",
        "Weil die Waren im Osten knapp sind, berät der Landkreis Hof mit dem Landkreis Kulmbach.",
    ],
)
def test_a_bare_frequent_word_is_no_gemeinde(linker, text):
    linked = {a.name for a in linker.authorities(text)}
    assert not linked & {"Ohne", "Wissen", "Sinn", "Bescheid", "Weil am Rhein", "Waren (Müritz)", "Osten"}
    assert "09475" in roles(linker, text)


@pytest.mark.parametrize(
    ("text", "ags"),
    [
        ("Die Gemeinderäte von Baunach, Reckendorf, Lauter und Gerach beraten gemeinsam.", "09471152"),  # a list
        ("Die Gemeinde Lauter und der Markt Baunach unterzeichnen.", "09471152"),  # a cue
        ("Die Bürgermeister aus Lauf und Sasbach im Ortenaukreis trafen sich.", "08317068"),  # aus, a list
        ("Hannover und Braunschweig vereinbaren eine Zusammenarbeit.", "03241001"),  # a large city
    ],
)
def test_a_frequent_word_is_a_place_where_the_context_says_so(linker, text, ags):
    assert ags in roles(linker, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both names are ambiguous; together they are the neighbours in the Ortenaukreis
        ("Die Bürgermeisterinnen aus Lauf und Sasbach haben eine Vereinbarung unterzeichnet.", {"08317068", "08317116"}),
        ("Die Gemeinden Sasbach und Lauf betreiben gemeinsam einen Bauhof.", {"08317068", "08317116"}),
    ],
)
def test_ambiguous_names_in_one_list_are_read_as_neighbours(linker, text, expected):
    assert expected <= participants(linker, text)


def test_a_surname_anchors_no_region(linker):
    # "Kist" is a Gemeinde near Würzburg, here a mayor's surname: it must not pull "Lauf" to Bavaria
    text = ("Die beiden Bürgermeisterinnen aus Lauf und Sasbach, Bettina Kist und Dijana Opitz, haben einen Vertrag "
            "unterzeichnet.")
    found = roles(linker, text)
    assert {"08317068", "08317116"} <= set(found) and "09679154" not in found and "09574138" not in found


@pytest.mark.parametrize(
    ("text", "ags"),
    [
        # "Fulda" is the Stadt or the Landkreis Fulda: either way Petersberg is the one near Fulda
        ("Fulda. Vorsitzender des Zweckverbandes ist Bürgermeister Karl Schmidt (Petersberg).", "06631020"),
        # a Land the text names draws a name that several Länder share
        ("Aus Hessen: Der Bauhof von Petersberg hilft künftig den Nachbarn aus.", "06631020"),
    ],
)
def test_a_kreis_or_land_the_text_names_settles_a_shared_name(linker, text, ags):
    assert ags in roles(linker, text)


def test_a_federal_minister_is_a_person_not_a_place(linker):
    text = "Die Kliniken, die Bundesminister Karl Lauterbach für verzichtbar hält, liegen im Neckar-Odenwald-Kreis."
    assert set(roles(linker, text)) == {"08225"}


def test_a_newspapers_local_edition_in_brackets_is_no_persons_town(linker):
    text = "Ostthüringer Zeitung (Zeulenroda-Triebes) Gera pflegt viele Städtepartnerschaften."
    linked = {a.ags: a for a in linker.authorities(text)}
    assert "16076087" in linked and all(m.cue != "actor" for m in linked["16076087"].mentions)
    person = {a.ags: a for a in linker.authorities("Es unterschrieb Niels Schmidt (Wedel) den Vertrag.")}
    assert any(m.cue == "actor" for m in person["01056050"].mentions)


def test_a_list_gives_each_place_its_length_and_a_place_alone_has_one(linker):
    text = ("Die Landkreise Coesfeld, Borken und Steinfurt bilden ein Netzwerk. "
            "Die Städte Münster und Hamm arbeiten mit dem Kreis Warendorf zusammen.")
    sizes = {lk.text: lk.list_size for lk in linker.link(text)}
    assert {sizes[name] for name in ("Coesfeld", "Borken", "Steinfurt")} == {3}
    assert sizes["Kreis Warendorf"] == 1
    assert sizes["Münster"] == sizes["Hamm"] == 2


def test_a_mayors_town_in_brackets_is_the_stadt_and_a_landrats_the_kreis(linker):
    # the text names the Kreis Pinneberg too; the mayor's "(Pinneberg)" is still the Stadt
    text = "Im Kreis Pinneberg unterzeichneten Bürgermeisterin Urte Steinberg (Pinneberg) und Niels Schmidt (Wedel) den Vertrag."
    assert {"01056039", "01056", "01056050"} <= set(roles(linker, text))
    # and a Landrat's "(Pinneberg)" is the Kreis, though the Stadt Pinneberg is named as well
    text = "Landrat Oliver Stolz (Pinneberg) traf die Bürgermeisterin der Stadt Pinneberg."
    assert {"01056", "01056039"} <= set(roles(linker, text))


def test_a_stadtkreis_is_the_kreisfreie_stadt_not_the_landkreis_of_its_name(linker):
    text = "Die Landkreise Karlsruhe und Rastatt sowie die Stadtkreise Baden-Baden und Karlsruhe arbeiten zusammen."
    assert {"08215", "08216", "08211", "08212"} <= participants(linker, text)
    # other plurals in -kreise still name Landkreise
    assert {"08116", "08415"} <= participants(linker, "Die Nachbarkreise Esslingen und Reutlingen arbeiten zusammen.")


def test_people_with_their_towns_in_brackets_make_a_list(linker):
    text = ("Es unterzeichneten die Bürgermeister Urte Steinberg (Pinneberg), Niels Schmidt (Wedel), "
            "Thomas Köppl (Quickborn) und Bernhard Brummund (Hasloh) die Vereinbarung.")
    linked = {lk.text: lk for lk in linker.link(text)}
    assert {linked[n].list_size for n in ("Pinneberg", "Wedel", "Quickborn", "Hasloh")} == {4}
    # a town in brackets after a newspaper's name is no list item
    text = "Ostthüringer Zeitung (Zeulenroda-Triebes), Niels Schmidt (Wedel) sprach."
    assert {lk.text: lk.list_size for lk in linker.link(text)}.get("Wedel") == 1


def test_a_kreis_named_with_an_adjective_is_found_in_its_declined_forms(linker):
    text = ("Der Landrat des Oberbergischen Kreises traf im Märkischen Kreis die Landrätin "
            "der Mecklenburgischen Seenplatte.")
    assert {"05374", "05962", "13071"} <= set(roles(linker, text))


def test_a_spa_title_before_a_gemeinde_keeps_it_a_place(linker):
    text = "Das Ostseebad Binz und das Seebad Heringsdorf arbeiten beim Tourismus zusammen."
    assert {"13073011", "13075049"} <= participants(linker, text)


def test_abbreviated_kreis_words_name_the_kreis(linker):
    text = "Vertreter aus dem Krs. Steinburg und dem Kr. Pinneberg trafen sich zum Austausch."
    assert {"01061", "01056"} == participants(linker, text)


def test_a_list_in_the_genitive_goes_on_through_des(linker):
    text = ("Der Landrat übergab im Namen der Landkreise Nordhausen, des Kyffhäuserkreises und des "
            "Unstrut-Hainich-Kreises das Positionspapier.")
    sizes = {lk.ags: lk.list_size for lk in linker.link(text)}
    assert sizes == {"16062": 3, "16065": 3, "16064": 3}


def test_a_street_and_house_number_before_a_town_make_it_an_address(linker):
    text = ("Dienstgebäude B, Brunnenstraße 94 in Mühlhausen. Die Landräte trafen sich am Marktplatz in Gotha. "
            "Seit 1992 in Gotha tätig.")
    flags = [(lk.text, lk.address) for lk in linker.link(text)]
    assert flags == [("Mühlhausen", True), ("Gotha", False), ("Gotha", False)]


def test_a_colon_after_an_article_ends_its_phrase_and_opens_a_list(linker):
    # "ein" before "Erkrath" is the particle of "einladen", not an article: the colon says so,
    # and it opens the list of the Städte, so "Mettmann" in it is the Stadt, not the Kreis
    text = ("Der Kreis Mettmann lädt die kreisangehörigen Städte zum Austausch ein: Erkrath, Haan, "
            "Hilden, Mettmann und Velbert.")
    assert participants(linker, text) == {"05158", "05158004", "05158008", "05158016", "05158024", "05158032"}
    assert participants(linker, "Beteiligt sind die Landkreise: Fulda, Kassel und Hersfeld-Rotenburg.") == {
        "06631", "06633", "06632"}


def test_an_article_before_a_common_word_still_makes_it_a_noun(linker):
    assert roles(linker, "Nach dem Essen gingen alle an Wiesen vorbei. Sie lud ein. Essen war gut.") == {}


def test_a_kreis_in_brackets_after_a_name_outweighs_a_namesake_elsewhere(linker):
    text = ("Bürgermeister Meier aus Bergen auf Rügen besuchte die Partnergemeinde Bergen (Landkreis Celle).")
    assert {"13073010", "03351004"} <= participants(linker, text)
    # only right after the name: the next person's Kreis in brackets does not place the city before it
    text = "Oberbürgermeisterin Eva Weber (Augsburg) und Landrat Martin Sailer (Landkreis Augsburg) trafen sich."
    assert participants(linker, text) == {"09761", "09772"}


def test_a_verband_named_without_its_kind_counts_only_under_a_verband_cue(linker):
    # Amt Probstei and Amt Schrevenborn share their names with no Gemeinde: in a list of Ämter
    # the bare names are the Ämter, a landscape named alone is no authority
    assert participants(linker, "Die Ämter Schrevenborn und Probstei arbeiten zusammen.") == {"010575782", "010575755"}
    assert roles(linker, "Urlaub in der Probstei ist schön.") == {}
    # Saxony's Verwaltungsverbände too
    text = "Die Verwaltungsverbände Diehsa und Weißer Schöps/Neiße arbeiten zusammen."
    assert participants(linker, text) == {"146265502", "146265503"}


def test_a_headlines_last_word_is_no_first_name_of_the_next_lines_first_word(linker):
    assert participants(linker, "Partnerschaft mit Haan\nDie Stadt Hilden feiert das Jubiläum.") == {"05158008", "05158016"}


def test_a_neighbouring_landkreis_cue_names_the_kreis_not_the_town(linker):
    text = "Der Nachbarlandkreis Rotenburg (Wümme) und der Heidekreis stimmen sich ab."
    assert participants(linker, text) == {"03357", "03358"}


def test_a_venue_list_goes_on_through_a_town_read_as_its_kreis(linker):
    text = ("Der Kreis Soest und der Kreis Unna beraten Pflegebedürftige gemeinsam. Beratungsstellen gibt es in Soest, "
            "Lippstadt, Werl, Unna, Schwerte und Lünen.")
    venues = {lk.ags for lk in linker.link(text) if lk.venue}
    assert {"05974028", "05974052", "05978028", "05978024"} <= venues  # Lippstadt, Werl, Schwerte, Lünen
    # a Kreis without a namesake town in it ends the list: „in Arnstein/Harz, Aschersleben“
    venues = {lk.ags for lk in linker.link("Gemeinsam in Arnstein/Harz, Aschersleben und Seeland.") if lk.venue}
    assert "15089015" not in venues


def test_markets_and_local_municipalities_named_in_the_plural_cue_their_list(linker):
    # „den Märkten Heiligenstadt und Wiesenttal“: the dative plural is a place noun, not a first name,
    # and it says which Heiligenstadt (the Markt in Upper Franconia, beside Wiesenttal)
    assert participants(linker, "Die Gemeinde wird gemeinsam mit den Märkten Heiligenstadt und Wiesenttal "
                                "versorgt.") == {"09471142", "09474176"}
    cues = [lk.cue for lk in linker.link("Die Ortsgemeinden Köwerich und Tawern sowie die Marktgemeinden "
                                         "Arberg und Dombühl arbeiten zusammen.")]
    assert cues == ["city"] * 4


def test_a_place_the_text_calls_foreign_is_not_its_german_namesake(linker):
    # „Berg“ is a Gemeinde in Bavaria; the text says this one is Dutch
    assert participants(linker, "Der Kreis Kleve und die niederländische Gemeinde Berg en Dal eröffnen eine "
                                "gemeinsame Buslinie.") == {"05154"}
    assert "05154" in participants(linker, "Der Kreis Kleve und seine niederländische Partnerstadt Berg unterzeichnen "
                                           "eine Vereinbarung.")
    assert "09373113" not in roles(linker, "Der Kreis Kleve und seine niederländische Partnerstadt Berg unterzeichnen "
                                           "eine Vereinbarung.")
    # a German Land's adjective says nothing of the kind, nor does a region's on both sides of the border
    assert participants(linker, "Die sächsische Stadt Görlitz und die Stadt Bautzen arbeiten zusammen.") == {
        "14626110", "14625020"}
    assert participants(linker, "Die schlesische Stadt Görlitz und die Stadt Bautzen arbeiten zusammen.") == {
        "14626110", "14625020"}
    # the country right after the name; a German Land there changes nothing
    assert roles(linker, "Der Landkreis Celle pflegt eine Partnerschaft mit Bergen (Norwegen).").keys() == {"03351"}
    assert "07340028" not in roles(linker, "Die Stadt Freiburg und die Partnerstadt Lemberg in der Ukraine helfen sich.")
    assert "14626110" in roles(linker, "Die Städte Görlitz in Sachsen und Zgorzelec in Polen arbeiten zusammen.")
    # once put abroad, the name is abroad wherever the text uses it
    assert "08215096" not in roles(linker, "Kulmbach und Bezirk Karlsbad\nDer Landkreis Kulmbach und die tschechische "
                                           "Region Karlsbad arbeiten zusammen.")


def test_the_items_of_a_bullet_list_of_towns_are_one_list(linker):
    text = ("Zwölf Kommunen gründen ein Netzwerk für die Wärmeplanung. Beteiligte Kommunen:\n"
            "- Stadt Göppingen\n- Stadt Eislingen/Fils\n- Gemeinde Uhingen\n- Gemeinde Ebersbach an der Fils\n")
    sizes = {lk.ags: lk.list_size for lk in linker.link(text)}
    assert sizes == {"08117026": 4, "08117019": 4, "08117051": 4, "08117018": 4}
    # a line that only ends with a town („… in Mühlhausen“) opens no list with the bullet after it
    menu = "Dienstgebäude G, Lindenhof 1 in Mühlhausen\n• Landratsamt Unstrut-Hainich-Kreis\n"
    assert {lk.list_size for lk in linker.link(menu)} == {1}


def test_observers_and_the_relief_agency_from_a_place_are_not_the_place(linker):
    text = ("Beteiligt waren die Feuerwehren der Städte Memmingen und Illertissen sowie das Technische Hilfswerk aus "
            "Ulm. Beobachter aus dem Landkreis Günzburg und der Stadt Kempten verfolgten die Übung.")
    background = {lk.text: lk.background for lk in linker.link(text)}
    assert background["Ulm"] and background["Landkreis Günzburg"] and background["Stadt Kempten"]
    assert not background["Memmingen"]


def test_people_in_a_police_report_and_the_ends_of_a_road_are_not_the_places(linker):
    text = ("Bei einem Unfall auf der B 27 zwischen Bad Hersfeld und Niederaula wurden zwei Menschen verletzt. Ein "
            "34-jähriger Autofahrer aus Kirchheim stieß mit dem Wagen einer Frau aus Ludwigsau zusammen. Die Kreisstraße "
            "zwischen Holle und Sillium bleibt gesperrt. Die Städte Alsfeld und Lauterbach bauen gemeinsam einen Radweg.")
    background = {lk.text: lk.background for lk in linker.link(text)}
    assert background["Bad Hersfeld"] and background["Niederaula"] and background["Kirchheim"]
    assert background["Ludwigsau"] and background["Holle"]
    assert not background["Alsfeld"] and not background["Lauterbach"]


def test_a_place_said_to_take_no_part_is_background(linker):
    text = ("Die Landkreise Hildesheim und Peine legen ihre Agenturen zusammen. Für die Stadt Salzgitter ist eine "
            "Beteiligung zunächst nicht geplant. Die Stadt Sarstedt beteiligt sich nicht. Die Stadt Alfeld ist nicht "
            "nur beteiligt, sie stellt auch Räume.")
    background = {lk.text: lk.background for lk in linker.link(text)}
    assert background["Stadt Salzgitter"] and background["Stadt Sarstedt"]
    assert not background["Stadt Alfeld"] and not background["Hildesheim"]


def test_a_town_where_a_similar_thing_has_worked_is_background(linker):
    text = "Die Landkreise Hildesheim und Peine gründen eine Agentur. Ähnliche Agenturen haben sich in Kassel bewährt."
    assert {lk.text: lk.background for lk in linker.link(text)}["Kassel"]


def test_the_council_of_a_town_is_no_councillor_named_like_it(linker):
    text = ("Die Städte Pirna und Heidenau legen ihre Tourist-Informationen zusammen. Der Stadtrat Heidenau stimmte "
            "der Vereinbarung zu.")
    assert {lk.text for lk in linker.link(text)} >= {"Pirna", "Heidenau"}
    # a councillor stays a person: his name is no place where the text names him so
    text = "Die Städte Pirna und Heidenau arbeiten zusammen. Stadtrat Haag bedauerte die Verzögerung."
    assert "Haag" not in {lk.text for lk in linker.link(text)}
