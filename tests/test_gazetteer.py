"""The gazetteer: variants in `region_names` and mentions found in text."""

import pytest

from koopatlas.gazetteer import base_name, genitive, spellings, untitled_name


def names_of(con, variant):
    return {row[0] for row in con.execute("SELECT ags FROM region_names WHERE variant = ?", [variant]).fetchall()}


@pytest.mark.parametrize(
    ("variant", "ags"),
    [
        ("Forst (Lausitz)", "12071076"),
        ("Forst", "12071076"),  # one of several Forst
        ("Neustadt an der Waldnaab", "09374"),
        ("Neustadt a.d. Waldnaab", "09374139"),
        ("Landkreis Neustadt an der Waldnaab", "09374"),
        ("Bernkastel-Wittlich", "07231"),
        ("Landkreis Bernkastel-Wittlich", "07231"),
        ("Kreis Wesel", "05170"),
        ("Burgenlandkreis", "15084"),
        ("Hochsauerlandkreis", "05958"),
        ("Städteregion Aachen", "05334"),
        ("StädteRegion Aachen", "05334"),  # its own spelling
        ("Region Hannover", "03241"),
        ("Landratsamt Görlitz", "14626"),
        ("des Landkreises Görlitz".removeprefix("des "), "14626"),
        ("Osnabrücks", "03404"),
        ("Kreishaus Osnabrück", "03459"),
        ("Stadt Osnabrück", "03404"),
        ("Sundern", "05958044"),
        ("Sankt Wendel", "10046"),
        ("Weiden in der Oberpfalz", "09363"),
        ("Samtgemeinde Nenndorf", "032575403"),
        ("Amt Heider Umland", "010515172"),  # officially Amt Kirchspielslandgemeinde Heider Umland
        ("Landkreis Hohenlohe", "08126"),
    ],
)
def test_variant_names_the_region(con, variant, ags):
    assert ags in names_of(con, variant)


def test_ambiguous_variants_keep_every_candidate(con):
    assert {"03404", "03459"} <= names_of(con, "Osnabrück")
    assert len(names_of(con, "Neustadt")) >= 15
    assert names_of(con, "Kreishaus Osnabrück") == {"03459"}
    assert names_of(con, "Stadt Osnabrück") == {"03404"}


@pytest.mark.parametrize(
    ("variant", "ags"),
    [
        ("Altkreis Hainichen", "14522"),
        ("Landkreis Döbeln", "14522"),
        ("Muldentalkreis", "14729"),
        ("Landkreis Osterode am Harz", "03159"),
        ("Ohrekreis", "15083"),
        ("Landkreis Demmin", "13071"),
        ("Bezirk Spandau", "11000"),
    ],
)
def test_former_kreise_and_districts_point_to_todays_ags(con, variant, ags):
    assert names_of(con, variant) == {ags}


def test_a_former_kreis_named_like_a_living_town_is_not_a_bare_alias(con):
    assert names_of(con, "Döbeln") == {"14522080"}  # the town, not Mittelsachsen


def test_every_alias_points_to_an_existing_kreis(con):
    missing = con.execute(
        "SELECT name, ags FROM aliases WHERE ags NOT IN (SELECT ags FROM regions WHERE level = 'kreis')"
    ).fetchall()
    assert missing == []


def test_associations_are_linked_to_their_member_gemeinden(con):
    members = con.execute(
        """SELECT r.name FROM association_members m JOIN regions r ON r.ags = m.ags
           JOIN associations a ON a.ars = m.ars WHERE a.name = 'Nenndorf' AND a.bez = 'Samtgemeinde'
           ORDER BY r.name"""
    ).fetchall()
    assert [m[0] for m in members] == ["Bad Nenndorf", "Haste", "Hohnhorst", "Suthfeld"]


def test_spellings_write_abbreviations_out_and_short():
    assert "Neustadt an der Waldnaab" in spellings("Neustadt a.d. Waldnaab")
    assert "Neustadt a.d. Weinstraße" in spellings("Neustadt an der Weinstraße")
    assert "Weiden in der Oberpfalz" in spellings("Weiden i.d. OPf.")
    assert "Sankt Wendel" in spellings("St. Wendel")
    assert "Halle/Saale" in spellings("Halle (Saale)")
    assert {"Neufahrn b.Freising", "Mühldorf a.Inn"} <= spellings("Neufahrn b. Freising") | spellings("Mühldorf a. Inn")


def test_a_name_that_starts_with_an_adjective_is_declined():
    assert {"Märkische Kreis", "Märkischen Kreis", "Märkischen Kreises"} <= spellings("Märkischer Kreis")
    assert "Südlichen Weinstraße" in spellings("Südliche Weinstraße")
    assert "Hohen Börde" in spellings("Hohe Börde")
    assert spellings("Schwäbisch Hall") == {"Schwäbisch Hall", "Schwäbisch-Hall"}  # no adjective ending: as written


def test_a_two_word_name_is_found_with_a_hyphen_and_a_hyphenated_one_with_a_space(gazetteer):
    assert {"Alt-Duvenstedt", "Sankt-Augustin"} <= spellings("Alt Duvenstedt") | spellings("Sankt Augustin")
    assert "Groß Gerau" in spellings("Groß-Gerau")
    assert spellings("Rhein-Sieg-Kreis") == {"Rhein-Sieg-Kreis"}  # three parts, lower-case words: as written
    found = {m.text: {c.ags for c in m.candidates} for m in gazetteer.find("Die Gemeinden Alt-Duvenstedt und Borgstedt.")}
    assert "01058003" in found["Alt-Duvenstedt"]


def test_base_name_drops_the_qualifier():
    assert base_name("Forst (Lausitz)") == "Forst"
    assert base_name("Sundern (Sauerland)") == "Sundern"
    assert base_name("Neustadt a.d. Waldnaab") == "Neustadt"
    assert base_name("Glienicke/Nordbahn") == "Glienicke"
    assert base_name("Bad Neustadt a.d. Saale") == "Bad Neustadt"


def test_a_leading_official_addition_is_left_out_of_the_short_name(con):
    assert untitled_name("Heilbad Heiligenstadt") == "Heiligenstadt"
    assert untitled_name("Stadt Wehlen") == "Wehlen"
    assert untitled_name("Stadtallendorf") == "Stadtallendorf"  # a word, not an addition
    short = {ags for (ags,) in con.execute("SELECT ags FROM region_names WHERE variant = 'Heiligenstadt'").fetchall()}
    assert short == {"16061045", "09471142"}  # Heilbad Heiligenstadt and Heiligenstadt i. OFr.


def test_the_shared_short_name_goes_to_the_place_the_text_is_about(gazetteer):
    from koopatlas.extract.places import PlaceLinker

    text = "Der Landkreis Eichsfeld und die Kreisstadt Heiligenstadt bauen gemeinsam eine Leitstelle."
    assert "16061045" in {a.ags for a in PlaceLinker(gazetteer).authorities(text)}


def test_genitive_only_where_german_forms_one():
    assert genitive("Osnabrück") == "Osnabrücks"
    assert genitive("Neuss") is None


def test_find_respects_word_boundaries_and_prefers_the_longest_name(gazetteer):
    text = "Die Landräte des Landkreises Görlitz und des Kreises Bernkastel-Wittlich trafen sich in Essener Räumen."
    found = {m.text: {c.ags for c in m.candidates} for m in gazetteer.find(text)}
    assert found["Landkreises Görlitz"] == {"14626"}
    assert found["Kreises Bernkastel-Wittlich"] == {"07231"}
    assert "Essen" not in found  # "Essener" is not "Essen"
    assert "Wittlich" not in found


def test_word_frequencies_are_stored_with_the_names_so_extraction_needs_no_word_list(con, gazetteer):
    import sys

    from koopatlas.extract.places import PlaceLinker

    rows = dict(con.execute("SELECT variant, zipf FROM region_names WHERE variant IN ('Lage', 'Lemgo', 'Bad Salzuflen')")
                .fetchall())
    assert rows["Lage"] > 5 and 3 < rows["Lemgo"] < 4 and rows["Bad Salzuflen"] is None
    linker = PlaceLinker(gazetteer)
    assert linker.zipf("Lage") == rows["Lage"] and linker.zipf("Themar") == 0.0  # under 3: no German word
    if "wordfreq" not in sys.modules:  # (another test may have loaded it already)
        linker.link("Die Delegation besuchte Lemgo. Das liegt an der gesamträumlichen Lage.")
        assert "wordfreq" not in sys.modules


def test_a_database_without_word_frequencies_asks_wordfreq(con):
    from koopatlas import queries
    from koopatlas.extract.places import PlaceLinker
    from koopatlas.gazetteer import Gazetteer

    names = queries.run(con, "gazetteer_names").drop(columns="zipf")  # a table built before the frequencies
    old = Gazetteer(names, queries.run(con, "gazetteer_regions"), queries.run(con, "gazetteer_associations"))
    assert old.zipf is None and PlaceLinker(old).zipf("Lage") > 5


def test_a_longer_town_name_inside_a_kind_word_and_a_short_name_wins(gazetteer):
    # „Gemeinde Ebersbach“ is the Saxon Gemeinde; the text goes on to the Stadt on the Fils
    found = {m.text: {c.ags for c in m.candidates} for m in gazetteer.find(
        "die Gemeinde Ebersbach an der Fils und die Stadt Neustadt an der Waldnaab")}
    assert found["Ebersbach an der Fils"] == {"08117018"}
    assert "Gemeinde Ebersbach" not in found
    # a Kreis keeps its kind word: the Landkreis is meant, not its namesake town
    (kreis,) = gazetteer.find("der Landkreis Neustadt an der Waldnaab und")
    assert {c.ags for c in kreis.candidates} == {"09374"}
