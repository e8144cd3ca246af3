"""Event fields: relevance, event type, topics, funding, people, foreign partners."""

from koopatlas.extract import fields, topics


def test_topics_come_from_the_taxonomy_file_with_german_labels():
    taxonomy = topics.load_topics()
    ids = {t.id for t in taxonomy}
    assert ids == {"arbeit", "wirtschaft", "migration", "bildung", "jugend_soziales", "gesundheit", "mobilitaet",
                   "digitalisierung", "verwaltung", "beteiligung", "ehrenamt", "sicherheit", "umwelt",
                   "kultur_tourismus", "raum", "finanzen"}
    assert all(t.label and t.terms for t in taxonomy)


def test_topics_follow_what_the_text_dwells_on():
    matcher = topics.TopicMatcher(topics.load_topics())
    text = ("Die Kreise bauen eine gemeinsame Leitstelle für Feuerwehr und Rettungsdienst. Der Katastrophenschutz "
            "wird gebündelt, die Feuerwehren üben gemeinsam für Hochwasser.")
    chosen = topics.choose_topics(text, matcher)
    assert chosen[0] == "sicherheit"
    assert "kultur_tourismus" not in chosen


def test_a_new_topic_term_needs_no_code(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text('[test]\nlabel = "Test"\nterms = ["zauberwort"]\n', encoding="utf-8")
    matcher = topics.TopicMatcher(topics.load_topics(path))
    assert topics.choose_topics("Ein Zauberwort öffnet Türen.", matcher) == ["test"]
    assert topics.choose_topics("Nichts dergleichen.", matcher) == []


def test_event_types():
    assert fields.event_type("Die Städte unterzeichneten eine Kooperationsvereinbarung.") == "vereinbarung"
    assert fields.event_type("Der Landrat besuchte mit einer Delegation den Partnerkreis.", "Besuch aus dem Norden") == "besuch"
    assert fields.event_type("2. Vernetzungstreffen der Modellregionen", "Vernetzungstreffen") == "vernetzung"
    assert fields.event_type("Nichts davon.") == "sonstiges"


def test_relevance_needs_two_authorities_and_cooperation():
    text = "Die Landkreise Görlitz und Bautzen unterzeichnen eine Kooperationsvereinbarung."
    assert fields.is_cooperation(text, 2, 0)
    assert not fields.is_cooperation(text, 1, 0)
    assert fields.is_cooperation("Der Landkreis besiegelt die Partnerschaft mit seinem polnischen Partner.", 1, 1)
    budget = "Der Kreistag beschloss den Haushalt. Landrat und Kreistag lehnen die Pläne ab, im Wahlkreis gibt es Streit."
    assert not fields.is_cooperation(budget, 2, 0)


def test_funding_amount_funder_and_programme():
    text = ('Es ist eines von 13 Projekten, die das Bundesinnenministerium im Rahmen des Programms '
            '"Regionale Open Government Labore" mit je 180.000 Euro fördert.')
    found = fields.funding(text)
    assert found[0].amount_eur == 180000
    assert found[0].funder == "Bundesinnenministerium"
    assert found[0].programme == "Regionale Open Government Labore"
    assert fields.funding("Das Land fördert das Vorhaben mit 1,2 Millionen Euro.")[0].amount_eur == 1_200_000


def test_people_with_office():
    found = fields.people("Landrat Ralf Drescher traf Bürgermeisterin Simone Taubenek und Oberbürgermeister Tobias Schick.")
    assert [(p.name, p.office) for p in found] == [
        ("Ralf Drescher", "Landrat"), ("Simone Taubenek", "Bürgermeisterin"), ("Tobias Schick", "Oberbürgermeister")]


def test_foreign_partners_with_country():
    found = dict(fields.foreign_partners("Der Landkreis pflegt eine Partnerschaft mit dem polnischen Landkreis Gostyń."))
    assert found.get("Gostyń") == "PL"
