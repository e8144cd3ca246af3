"""Event fields: relevance, event type, topics, funding, people, foreign partners."""

import pytest

from koopatlas.extract import fields, topics
from koopatlas.sources import make_document


def test_topics_come_from_the_taxonomy_file_with_german_labels():
    taxonomy = topics.load_topics()
    ids = {t.id for t in taxonomy}
    assert ids == {"arbeit", "wirtschaft", "migration", "bildung", "jugend_soziales", "gesundheit", "mobilitaet",
                   "digitalisierung", "verwaltung", "beteiligung", "ehrenamt", "sicherheit", "umwelt",
                   "kultur_tourismus", "raum", "finanzen"}
    assert all(t.label and t.terms for t in taxonomy)


@pytest.fixture(scope="module")
def extractor(con):
    from koopatlas.extract import Extractor

    return Extractor.from_db(con)


def signal_terms(extractor, text: str, label: str) -> list[str]:
    """The distinct signal words of one label in a text, sorted."""
    return sorted({term for found, term, _ in extractor.signals.hits(text) if found == label})


def term_labels(extractor, text: str, term: str) -> list[str]:
    """The labels one signal word got in a text, sorted."""
    return sorted({label for label, found, _ in extractor.signals.hits(text) if found == term})


def extract(extractor, text):
    return extractor.extract(make_document("satz", "satz.txt", text))


def test_topics_follow_what_the_text_dwells_on(extractor):
    text = ("Gemeinsame Leitstelle\nDer Landkreis Görlitz und der Landkreis Bautzen bauen eine gemeinsame Leitstelle "
            "für Feuerwehr und Rettungsdienst. Der Katastrophenschutz wird gebündelt, die Feuerwehren üben gemeinsam "
            "für Hochwasser.")
    event = extract(extractor, text)
    assert event.relevant and event.topics[0] == "sicherheit"
    assert "kultur_tourismus" not in event.topics


@pytest.mark.parametrize(
    "text",
    [
        # shared services
        ("Gemeinsames Standesamt\nDie Gemeinde Hohes Kreuz und die Stadt Heilbad Heiligenstadt haben eine "
         "Kooperationsvereinbarung unterzeichnet: Sie vertreten sich künftig gegenseitig im Standesamt. Auch der "
         "Bauhof und die Gehaltsabrechnung werden in interkommunaler Zusammenarbeit gemeinsam geführt."),
        # the administration's own work: finances, procurement, staff
        ("Kämmerer arbeiten zusammen\nDie Stadt Lünen und die Stadt Werne unterzeichnen eine Vereinbarung: Ihre "
         "Kämmerer und die Stadtkasse teilen sich künftig die Vergabestelle und die Beschaffung, das Personal "
         "wird gemeinsam geschult."),
    ],
)
def test_the_administrations_own_services_and_work_are_the_topic_verwaltung(extractor, text):
    event = extract(extractor, text)
    assert event.relevant and "verwaltung" in event.topics


def test_a_new_topic_term_needs_no_code(tmp_path, extractor):
    from koopatlas.extract import features as feats
    from koopatlas.extract.terms import TermMatcher

    path = tmp_path / "topics.toml"
    path.write_text('[test]\nlabel = "Test"\nterms = ["zauberwort"]\n', encoding="utf-8")
    taxonomy = topics.load_topics(path)
    matcher = TermMatcher({f"topic:{t.id}": t.terms for t in taxonomy})
    model = extractor.model.topic  # the pooled model weighs a topic it never saw by its evidence alone
    for text, expected in (("Zauberwort\nEin Zauberwort öffnet Türen, das Zauberwort hilft.", True),
                           ("Nichts dergleichen.", False)):
        ctx = feats.DocContext.build(text, matcher.hits(text))
        rows = feats.topic_features(text, ctx, ["test"])
        assert (model.probability(rows["test"]) >= extractor.model.thresholds.topic) is expected


def test_event_types():
    assert fields.event_type("Die Städte unterzeichneten eine Kooperationsvereinbarung.") == "vereinbarung"
    assert fields.event_type("Der Landrat besuchte mit einer Delegation den Partnerkreis.", "Besuch aus dem Norden") == "besuch"
    assert fields.event_type("2. Vernetzungstreffen der Modellregionen", "Vernetzungstreffen") == "vernetzung"
    assert fields.event_type("Nichts davon.") == "sonstiges"


def test_type_words_inside_other_words_are_not_counted():
    """Kreise and Preise are no journeys, betreffen is no meeting: such hits once made every Kreis text a visit."""
    labels = [label for label, _, _ in fields.signal_hits("Die Landkreise und Preise betreffen die Begründung.")]
    assert not [label for label in labels if label.startswith("type:")]
    hits = {term for label, term, _ in fields.signal_hits("Die Dienstreise zum Arbeitstreffen der Kreisgründung")}
    assert {"reise", "treffen", "gründung"} <= hits  # inside a compound after other letters they still count
    assert fields.event_type("Die Landkreise Kassel und Fulda stellten ihre Preise vor.", "Kreise") == "sonstiges"


def test_a_visit_to_a_company_or_a_school_is_no_visit_between_authorities():
    def visits(text: str) -> int:
        return sum(1 for label, _, _ in fields.signal_hits(text) if label == "type:besuch")

    assert visits("Der Landrat plant weitere Firmenbesuche und einen Schulbesuch.") == 0
    assert visits("Der Besuch und der Gegenbesuch des Bürgermeisters.") >= 2


def test_a_false_friend_is_skipped_only_after_its_letters():
    from koopatlas.extract.terms import TermMatcher

    matcher = TermMatcher({}, {"x": ["reise"]}, {"reise": ["k"]})
    assert [s for _, _, s in matcher.hits("kreise reise dienstreise")] == [7, 19]


def test_terms_are_reported_in_text_order_one_per_label_and_start():
    from koopatlas.extract.terms import TermMatcher

    matcher = TermMatcher({"coop": ["partner", "partnerschaft"], "twin": ["städtepartnerschaft"]},
                          {"coop": ["schaft"]})
    hits = matcher.hits("Die Städtepartnerschaft und die Partnerschaft")
    # at one start the term that ends first claims the label; terms inside words count only where listed so
    assert hits == [("twin", "städtepartnerschaft", 4), ("coop", "schaft", 17), ("coop", "partner", 32),
                    ("coop", "schaft", 39)]
    assert TermMatcher({}).hits("Nichts") == []


def test_literal_starts_find_what_the_pattern_alone_finds_also_where_literals_overlap():
    import re

    from koopatlas.extract.terms import LiteralStarts

    pattern = re.compile(r"(?:Land|Landrat|rat)\w*\s+[A-Z]\w+")
    starts = LiteralStarts(pattern, ["Land", "Landrat", "rat"])
    text = "Der Landrat Max und der Landratskandidat Udo, Stadtrat Eva, ratlos Karl; Landrat"
    assert [m.span() for m in starts.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert len(starts.finditer(text)) == 4


@pytest.mark.parametrize("office", fields.OFFICES.split("|"))
def test_people_are_found_after_every_office_as_by_the_pattern_alone(office):
    from koopatlas.extract.features import _PERSON_NEAR
    from koopatlas.extract.fields import _PERSON_STARTS, PERSON

    text = f"Am Montag sprach {office} Dr. Anna Berg mit Vize{office} Karl Lauf und {office} Sven von Strauß."
    assert [(m.span(), m.groupdict()) for m in _PERSON_STARTS.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in PERSON.finditer(text)]
    assert [m.span() for m in _PERSON_NEAR.finditer(text)] == [m.span() for m in _PERSON_NEAR.pattern.finditer(text)]
    assert len(fields.people(text)) == 2  # not the one inside a word


def test_the_visitors_of_a_fair_are_no_visit(extractor):
    assert term_labels(extractor, "Mehr als 5.000 Besucher kamen zur Messe, die Besucherzahlen steigen.", "besuch") == []
    assert term_labels(extractor, "Der Besuch der Delegation; sie besuchen die Partnerstadt.", "besuch") == [
        "coop", "type:besuch"]


def test_costs_bound_up_with_something_are_no_verbund(extractor):
    assert signal_terms(extractor, "Die damit verbundenen Kosten sind hoch.", "coop") == []
    assert signal_terms(extractor, "Der Verbund der Leitstellen und der Kommunalverbund.", "coop") == ["verbund"]


def test_the_shareholders_of_a_joint_company_report_cooperation(extractor):
    text = ("Kommunen gründen Gesellschaft für Breitbandausbau\nDer Kreis Herford und seine Städte haben die Breitband "
            "Herford GmbH gegründet. Gesellschafter sind neben dem Kreis die Städte Bünde, Enger, Löhne, Spenge "
            "und Vlotho sowie die Gemeinden Hiddenhausen und Kirchlengern.")
    assert "gesellschafter" in [term for label, term, _ in extractor.signals.hits(text) if label == "coop"]
    assert extractor.extract(make_document("gmbh", "gmbh.txt", text)).relevant


def test_an_interreg_project_reports_cooperation_and_hiking_is_tourism(extractor):
    hits = {(label, term) for label, term, _ in extractor.signals.hits(
        "Das Interreg-Projekt: ein Wanderweg zu den Sehenswürdigkeiten, ein Ausflug für alle.")}
    assert ("coop", "interreg") in hits
    assert {("topic:kultur_tourismus", w) for w in ("wander", "sehenswürdigkeit", "ausflug")} <= hits


def test_a_newspapers_byline_names_no_network(extractor):
    def type_hits(text):
        return [label for label, _, _ in extractor.signals.hits(text) if label == "type:vernetzung"]

    assert type_hits("Von Anna Weber, RedaktionsNetzwerk Deutschland. Die Städte planen ein Bürgerbüro.") == []
    assert type_hits("Das Demenznetzwerk der Landkreise traf sich.") == ["type:vernetzung"]


def test_a_surname_is_no_topic_word_but_the_words_it_looks_like_are(extractor):
    def topic_hits(text):
        return [(label, term) for label, term, _ in extractor.signals.hits(text) if label.startswith("topic:")]

    assert topic_hits("Bürgermeister Bernd Müller und Landrat Jens Busch sprachen.") == []
    assert topic_hits("Die Müllabfuhr und die Busse fahren.") == [("topic:umwelt", "müll"), ("topic:mobilitaet", "bus")]
    # „es handelt sich um“ is no trade, the Handel and its Handelskammer are
    assert topic_hits("Es handelt sich um ein gemeinsames Vorhaben; beide wollen handeln.") == []
    assert topic_hits("Handel und Handelskammer") == [("topic:wirtschaft", "handel")] * 2
    # a career is no railway, the mood of a talk no climate, a steering group no tax
    assert topic_hits("Seine Laufbahn, das gute Gesprächsklima und die Steuerungsgruppe.") == []
    assert sorted(topic_hits("Die Autobahn, der Klimaschutz und die Steuern.")) == [
        ("topic:finanzen", "steuer"), ("topic:mobilitaet", "autobahn"), ("topic:mobilitaet", "bahn"),
        ("topic:umwelt", "klima")]
    # words inside compounds that name something else: transport, a portal, office hours, turnout,
    # a culture of debate, waste management, staff development
    assert topic_hits("Der Krankentransport, das Bürgerportal, der Publikumsverkehr, die Wahlbeteiligung, die "
                      "Streitkultur, die Abfallwirtschaft und die Organisationsentwicklung.") == [
        ("topic:umwelt", "abfall"), ("topic:verwaltung", "organisationsentwicklung")]
    # organising a festival is no administrative topic
    assert topic_hits("Die Organisation übernimmt eine Organisation aus der Region.") == []
    assert {label for label, _ in topic_hits("Sportverein, Nahverkehr, Bürgerbeteiligung, Stadtkultur, "
                                             "Landwirtschaft, Regionalentwicklung.")} == {
        "topic:beteiligung", "topic:ehrenamt", "topic:kultur_tourismus", "topic:mobilitaet", "topic:raum",
        "topic:wirtschaft"}
    # a wage agreement is no fare
    assert topic_hits("Der Tarifabschluss und die tarifliche Bezahlung sind beschlossen.") == []
    assert topic_hits("Ein gemeinsamer Tarif gilt in der neuen Tarifzone.") == [("topic:mobilitaet", "tarif")] * 2


def test_help_for_the_homeless_is_a_social_topic(extractor):
    hits = {(label, term) for label, term, _ in extractor.signals.hits("Wohnungslosenhilfe und Obdachlose")}
    assert {("topic:jugend_soziales", "wohnungslos"), ("topic:jugend_soziales", "obdachlos")} <= hits


def test_the_municipal_family_is_no_family(extractor):
    def social(text):
        return [term for label, term, _ in extractor.signals.hits(text) if label == "topic:jugend_soziales"]

    assert social("Ein starkes Signal der kommunalen Familie; die kommunale Familie steht zusammen.") == []
    assert social("Die Beratung für Familien und die Familienzentren.") == ["familie", "familie"]


def test_mergers_of_municipalities_and_territorial_reforms_are_the_topic_verwaltung(extractor):
    def administration(text):
        return sorted(term for label, term, _ in extractor.signals.hits(text) if label == "topic:verwaltung")

    assert administration("Die Gemeinden unterzeichnen die Anträge zur Fusion und die Fusionsverträge.") == [
        "fusion", "fusion"]
    assert administration("Eine Eingemeindung, die Kreisgebietsreform und der Gemeindezusammenschluss") == [
        "eingemeindung", "gebietsreform", "gemeindezusammenschluss"]
    assert administration("Forschung zur Kernfusion") == []  # "fusion" starts a word, or ends a municipal one


def test_debt_and_addiction_counselling_are_a_social_topic(extractor):
    hits = {(label, term) for label, term, _ in extractor.signals.hits(
        "Die Schuldnerberatung und die Suchtberatung der Landkreise")}
    assert {("topic:jugend_soziales", "schuldner"), ("topic:jugend_soziales", "suchtberatung")} <= hits
    assert not any(label == "topic:jugend_soziales" for label, _, _ in extractor.signals.hits("Sie suchten Zeugen."))


def test_charging_points_for_electric_cars_are_mobility(extractor):
    hits = {(label, term) for label, term, _ in extractor.signals.hits("Neue Ladesäulen und ein Ladenetz")}
    assert {("topic:mobilitaet", "ladesäule"), ("topic:mobilitaet", "ladenetz")} <= hits


def test_buses_trams_and_their_passengers_are_mobility_but_a_tramp_is_not(extractor):
    def mobility_terms(text):
        return sorted(term for label, term, _ in extractor.signals.hits(text) if label == "topic:mobilitaet")

    assert mobility_terms("Die Regionalbuslinie fährt im Stundentakt; täglich nutzen 850 Fahrgäste das Angebot.") == [
        "buslinie", "fahrgäste", "regionalbus"]
    assert mobility_terms("Die Tram über den Rhein und die neue Zugverbindung nach Breslau.") == ["tram", "zugverbindung"]
    assert mobility_terms("Ein Trampolin, ein Tramper und das Dorf Trampe.") == []


def test_a_street_in_an_address_names_no_topic(extractor):
    from koopatlas.extract import features as feats

    text = ("Kooperation\nDie Städte Lohne und Dinklage treffen sich im Rathaus, Bahnhofstraße 9, und am "
            "Sportplatz 5. Der Radweg 3 Kilometer lang.")
    named = {t for t, row in extractor.analyse(make_document("satz", "satz.txt", text)).topics.items()
             if not feats.is_absent(row)}
    assert "mobilitaet" in named  # the cycle path (its number is a length, no house number)
    text = "Kooperation\nDie Städte Lohne und Dinklage treffen sich im Rathaus, Bahnhofstraße 9, und am Sportplatz 5."
    named = {t for t, row in extractor.analyse(make_document("satz", "satz.txt", text)).topics.items()
             if not feats.is_absent(row)}
    assert "mobilitaet" not in named and "ehrenamt" not in named


def test_heat_planning_is_about_energy(extractor):
    labels = {label for label, _, _ in extractor.signals.hits("Die kommunale Wärmeplanung und das Nahwärmenetz")}
    assert "topic:umwelt" in labels


def test_a_cycle_highway_is_about_mobility(extractor):
    labels = {label for label, _, _ in extractor.signals.hits("Ein Radschnellweg von Wunstorf nach Stadthagen")}
    assert "topic:mobilitaet" in labels


def test_exchanging_views_is_a_cooperation_signal_and_a_working_meeting(extractor):
    text = "Die Bürgermeister der Städte Lohne und Dinklage tauschen sich regelmäßig über die Stadtentwicklung aus."
    labels = {label for label, _, _ in fields.signal_hits(text)}
    assert {"coop", "type:arbeitstreffen"} <= labels
    assert extract(extractor, text).relevant  # it was not: no cooperation word


@pytest.mark.parametrize("text", [
    "Die Städte Neuss und Grevenbroich teilen sich ab 2021 eine Vergabestelle.",
    "Die Landkreise Harz und Goslar stimmen sich seit 2020 beim Katastrophenschutz eng ab.",
    "Die Gemeinden Sande und Schortens unterstützen sich seit 2019 beim Winterdienst.",
    "Der Kreis Unna und die Stadt Hamm ziehen beim Ausbau der Radwege an einem Strang.",
    "Der Verwaltungsverband Diehsa und die Stadt Niesky schlossen 2019 eine Zweckvereinbarung.",
    "Die Städte Bonn und Solingen besiegelten 2021 eine Klimapartnerschaft.",
])
def test_sharing_and_coordinating_verbs_report_cooperation(extractor, text):
    assert "coop" in {label for label, _, _ in fields.signal_hits(text)}
    assert extract(extractor, text).relevant  # none was: no cooperation word


def test_relevance_needs_two_parties_and_cooperation(extractor):
    agreement = "Kooperation\nDie Landkreise Görlitz und Bautzen unterzeichnen eine Kooperationsvereinbarung."
    assert extract(extractor, agreement).relevant
    partner = ("Partnerschaft besiegelt\nDer Landkreis Görlitz besiegelt die Partnerschaft mit dem polnischen "
               "Powiat Zgorzelec. Die Landräte unterzeichneten den Partnerschaftsvertrag.")
    event = extract(extractor, partner)
    assert event.relevant and any(c == "PL" for _, c in event.foreign_partners)
    budget = ("Haushalt beschlossen\nDer Kreistag des Landkreises Görlitz beschloss den Haushalt. Die Fraktionen "
              "lehnen die Pläne ab, im Wahlkreis gibt es Streit.")
    event = extract(extractor, budget)
    assert not event.relevant and event.topics == [] and event.with_role("participant") == []


def test_a_partner_abroad_makes_a_pair_sentence_with_a_german_party(extractor):
    text = ("Doppelstadt\nDie Stadtverordneten von Frankfurt (Oder) und die Stadträte von Słubice beschlossen "
            "gemeinsam den Aktionsplan. Das Brückenfest findet im Juni statt.")
    an = extractor.analyse(make_document("satz", "satz.txt", text))
    assert [c for _, c in an.foreign] == ["PL"] and len(an.authorities) == 1
    assert an.document.get("coop_pair_sentences<=1") == 1.0  # one sentence: Frankfurt (Oder), Słubice, gemeinsam


def test_a_job_ad_is_no_cooperation_report_however_many_members_it_names(extractor):
    ad = ("Fachkraft für Abwassertechnik (m/w/d)\nDer Abwasserzweckverband mit den Mitgliedsgemeinden Gütersloh, "
          "Steinhagen und Harsewinkel sucht eine Fachkraft in Vollzeit. Die Gemeinden arbeiten im Zweckverband "
          "eng zusammen. Ihre Bewerbung richten Sie bitte bis zum 31. Januar 2024 an die Geschäftsstelle.")
    assert fields.is_job_ad(ad)
    assert not extract(extractor, ad).relevant
    joint_application = ("Gemeinsame Bewerbung\nDie Städte Gütersloh und Harsewinkel bewerben sich gemeinsam um "
                         "Fördermittel für ein Radwegenetz. Die Bürgermeister unterzeichneten eine Vereinbarung.")
    assert not fields.is_job_ad(joint_application)
    assert extract(extractor, joint_application).relevant


def test_a_region_abroad_named_by_its_town_and_its_adjective_is_one_partner(extractor):
    text = ("Partnerschaftsvertrag mit dem Powiat Gryfino unterzeichnet\nDer Landkreis Uckermark und der polnische "
            "Powiat Gryfiński haben 2019 einen Partnerschaftsvertrag unterzeichnet.")
    assert extract(extractor, text).foreign_partners == [("Powiat Gryfino", "PL")]


def test_a_partner_abroad_named_with_its_country_counts_for_relevance(extractor):
    # Makariw: a town GeoNames knows only as Makariv (the German spelling of Butscha is in data/exonyms.csv)
    text = ("Solidaritätspartnerschaft mit Makariw besiegelt\nDie Stadt Bergisch Gladbach und die ukrainische "
            "Stadt Makariw haben am 14. November 2022 eine Solidaritätspartnerschaft unterzeichnet. Bergisch "
            "Gladbach will Makariw beim Wiederaufbau von Schulen unterstützen.")
    analysis = extractor.analyse(make_document("satz", "satz.txt", text))
    assert analysis.foreign == [("Makariw", "UA")]
    # a cued place abroad in the lead, as if GeoNames had found it (before, only „foreign“ was set)
    assert analysis.document.get("foreign_cue") == 1.0 and analysis.document.get("foreign_lead") == 1.0


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


@pytest.mark.parametrize("text", [
    "Der Landkreis pflegt eine Partnerschaft mit dem polnischen Landkreis Gostyń.",
    "Die Partnerschaft mit dem Landkreis Gostyń (Polen) und der Region Woronesch in Russland besteht seit 1990.",
    "Die niederländische Provinz Gelderland, die französische Stadt Mâcon und der Kreis Zgorzelec (Polen).",
    "Eine Delegation aus dem ghanaischen Distrikt Kwahu East und aus Burkina Faso; polnische Gäste.",
    "Die Stadt Görlitz in Sachsen und die Stadt Zgorzelec in Polen; das polnisch-deutsche Zentrum.",
])
def test_foreign_partners_found_at_the_country_words_equal_a_scan_of_the_whole_text(extractor, text):
    hits = extractor.signals.hits(text)
    assert fields.foreign_partner_spans(text, hits) == fields.foreign_partner_spans(text)
    assert fields.foreign_partner_spans(text)  # each sentence names one


def test_partners_of_a_climate_partnership_in_africa_are_foreign_partners(extractor):
    text = ("Kommunale Partnerschaft mit Ghana\nEine Delegation aus dem ghanaischen Distrikt Kwahu East hat den "
            "Landkreis Osnabrück besucht. Landrätin Anna Kebschull empfing die Gäste im Kreishaus.")
    event = extractor.extract(make_document("ghana", "ghana.txt", text))
    assert event.relevant and event.foreign_partners == [("Distrikt Kwahu East", "GH")]
    # a country of two words after a name abroad
    assert "Burkina Faso" in fields.COUNTRIES
    found = extractor.extract(make_document("bf", "bf.txt", "Die Stadt Rheine und Bergen in Burkina Faso."))
    assert [a.ags for a in found.authorities] == ["05566076"]  # not the Gemeinde Bergen


def test_a_swiss_canton_is_a_partner_without_its_country():
    found = dict(fields.foreign_partners("Der Landkreis Lörrach und der Kanton Basel-Stadt vereinbarten eine Zusammenarbeit."))
    assert found == {"Kanton Basel-Stadt": "CH"}


def test_a_region_abroad_after_its_countrys_adjective_keeps_its_region_word():
    found = dict(fields.foreign_partners("Der Kreis Kleve und die niederländische Provinz Gelderland arbeiten zusammen."))
    assert found == {"Provinz Gelderland": "NL"}


@pytest.mark.parametrize(
    "text",
    [
        "Vertreter des Landkreises Barnim nahmen am Kongress des polnischen Landkreises Gryfino teil.",
        "Der Landrat sprach mit dem Starosten des polnischen Partnerkreises Gryfino.",
        "Die Delegation des tschechischen Bezirks Gryfino kam zu Besuch.",
    ],
)
def test_a_foreign_region_word_in_the_genitive_still_names_the_partner(text):
    assert dict(fields.foreign_partners(text)).get("Gryfino") in ("PL", "CZ")


def test_a_region_word_only_one_country_uses_names_a_partner_without_the_country():
    found = dict(fields.foreign_partners("Die Beziehungen zwischen dem Kreis Ludwigsburg und dem Komitat Pest bestehen seit 1992."))
    assert found == {"Komitat Pest": "HU"}
    assert dict(fields.foreign_partners("Gäste aus dem Powiat Krosno kamen zu Besuch.")) == {"Powiat Krosno": "PL"}
    assert fields.foreign_partners("Der Landkreis Ludwigsburg und der Kreis Böblingen arbeiten zusammen.") == []


def test_authorities_named_as_a_group_in_a_cooperation_sentence_are_evidence_of_parties(extractor):
    merger = ("Jobcenter werden eins\nAnfang 2022 fusionieren die beiden Behörden von Stadt und Kreis. "
              "Landrat Reinhard Krebs und Oberbürgermeisterin Katja Wolf aus Eisenach stellten den Plan vor.")
    assert extractor.analyse(make_document("fusion", "fusion.txt", merger)).document.get("generic_parties") == 1.0
    contract = ("Leitstelle für zwei Kreise\nDen Vertrag über die gemeinsame Leitstelle haben die Kreistage beider "
                "Landkreise gebilligt. Die Leitstelle steht in Winsen (Luhe).")
    assert extractor.analyse(make_document("vertrag", "vertrag.txt", contract)).document.get("generic_parties") == 1.0
    group_elsewhere = ("Stadtfest in Eisenach\nDie beiden Städte liegen an der Werra. Am Samstag gibt es ein "
                       "gemeinsames Konzert auf dem Marktplatz.\nDas Programm beginnt um 18 Uhr.")
    # the group and the cooperation word stand in different sentences
    assert "generic_parties" not in extractor.analyse(make_document("fest", "fest.txt", group_elsewhere)).document


@pytest.mark.parametrize("group", [
    "die beiden Städte", "drei Landkreise", "zwei Partnerstädte", "die benachbarten Gemeinden", "zehn Nachbarkommunen",
    "beider Kreise", "mit 12 Kreisen", "den beiden Landkreisen", "drei Ämter", "beide Verwaltungen", "zwei Jobcenter",
    "die beiden Behörden", "vier Mitgliedsgemeinden", "den beiden beteiligten Städten", "Stadt und Landkreis",
    "Kreis und Stadt", "Städte und Gemeinden", "Stadt und Gemeinde", "Landkreis und Kommunen", "kreis und Gemeinden"])
def test_every_group_of_authorities_passes_the_quick_noun_test(group):
    from koopatlas.extract.features import _GENERIC_PARTIES, _names_generic_parties

    text = f"Nun arbeiten {group} zusammen."
    assert _GENERIC_PARTIES.search(text)
    assert _names_generic_parties(text, 0, len(text))
    assert not _names_generic_parties("Die beiden Vereine und zwei Schulen arbeiten zusammen.", 0, 54)


def test_a_local_election_is_no_cooperation_report(extractor):
    text = "Stichwahl in Bad Dürkheim: Bei der Bürgermeisterwahl treten Bewerber aus Wachenheim und Grünstadt an."
    hits = {(label, term) for label, term, _ in extractor.signals.hits(text)}
    assert {("not:election", "stichwahl"), ("not:election", "bürgermeisterwahl")} <= hits
    assert not extract(extractor, "Stichwahl in Bad Dürkheim\n" + text).relevant


def test_cooperation_idioms_are_cooperation_words(extractor):
    hits = {(label, term) for label, term, _ in extractor.signals.hits("Sie arbeiten Hand in Hand und sitzen an einem Tisch.")}
    assert {("coop", "hand in hand"), ("coop", "an einem tisch")} <= hits
    text = ("Hand in Hand für den Hochwasserschutz\nDie Städte Grimma und Trebsen arbeiten beim Hochwasserschutz an der "
            "Mulde Hand in Hand. Die Bürgermeister übergaben ein Konzept an die Landestalsperrenverwaltung.")
    assert extract(extractor, text).relevant


def test_foster_families_are_the_youth_office_s_work_not_nursing(extractor):
    def topic_terms(text):
        return sorted((label[6:], term) for label, term, _ in extractor.signals.hits(text) if label.startswith("topic:"))

    assert topic_terms("Gesucht werden Pflegefamilien und Pflegeeltern für ein Pflegekind.") == [
        ("jugend_soziales", "familie"), ("jugend_soziales", "pflegeeltern"), ("jugend_soziales", "pflegefamilie"), ("jugend_soziales", "pflegekind")]
    assert topic_terms("Die Pflege im Pflegeheim und die Pflegekräfte.") == [("gesundheit", "pflege")] * 3


def test_a_volunteers_visiting_service_is_no_visit_between_authorities(extractor):
    assert term_labels(extractor, "Ehrenamtliche bauen Besuchsdienste für alleinlebende Senioren auf.", "besuch") == []
    assert term_labels(extractor, "Beim Besuch der Delegation im Rathaus.", "besuch") == ["coop", "type:besuch"]


def test_open_data_portals_are_digitalisation(extractor):
    hits = {(label, term) for label, term, _ in extractor.signals.hits(
        "Ein gemeinsames Open-Data-Portal: offene Daten im Datenportal der Städte")}
    assert {("topic:digitalisierung", "open-data"), ("topic:digitalisierung", "offene daten"),
            ("topic:digitalisierung", "datenportal")} <= hits


def test_a_pact_is_an_agreement_but_compact_is_not(extractor):
    assert term_labels(extractor, "Städte und Kreis schließen einen Klimapakt; der Pakt gilt bis 2035.", "pakt") == [
        "coop", "type:vereinbarung"]
    assert term_labels(extractor, "Eine kompakte Verwaltung mit großem Impakt.", "pakt") == []


def test_joint_bodies_members_and_reciprocity_are_cooperation_words(extractor):
    def coop_terms(text):
        return signal_terms(extractor, text, "coop")

    assert coop_terms("Die Gemeinden haben einen Schulverband für die Grundschule gegründet.") == ["schulverband"]
    assert coop_terms("Sieben Gemeinden erstellen ihre Wärmeplanung im Konvoiverfahren.") == ["konvoi"]
    assert coop_terms("Beteiligt sind die Städte Brake und Elsfleth.") == ["beteiligt sind"]
    assert coop_terms("Beteiligt waren zwei Schulklassen. Die Schule ist beteiligungsfreudig.") == ["beteiligt waren"]
    assert coop_terms("Der Sportverband ehrt seine Sportler.") == []
    # reciprocity: help, visits and learning both ways; an agreement under its other name
    assert coop_terms("Die Wehren leisten sich gegenseitige Hilfe und lernen voneinander.") == ["gegenseitig", "voneinander"]
    assert coop_terms("Grundlage ist ein Abkommen über den Rettungsdienst.") == ["abkommen"]


def test_networks_by_their_kinds_names_signal_networking(extractor):
    def network_terms(text):
        return signal_terms(extractor, text, "type:vernetzung")

    assert network_terms("Die Mitgliederversammlung der Euroregion Neisse wählte einen neuen Präsidenten.") == [
        "euroregion", "mitglieder"]
    assert network_terms("Das Nachbarschaftsforum tagte; die Arbeitsgemeinschaft der Städte lud ein.") == [
        "arbeitsgemeinschaft", "forum"]
    assert network_terms("Die Euregio Rhein-Waal tagte in Kleve.") == ["euregio"]
    assert network_terms("Die Gemeinden unterzeichnen eine Vereinbarung.") == []


def test_a_school_board_of_two_gemeinden_is_an_agreement(extractor):
    text = ("Schulverband gegründet\nDie Gemeinden Hohenfelde und Schönberg (Holstein) haben einen Schulverband für "
            "die Grundschule Schönberg gegründet. Die Gemeindevertretungen stimmten der Verbandssatzung einstimmig zu. "
            "Der Schulverband übernimmt ab dem Schuljahr 2025/26 die Trägerschaft der Schule; die Kosten werden nach "
            "Schülerzahlen verteilt.")
    event = extractor.extract(make_document("schulverband", "schulverband.txt", text))
    assert event.relevant and event.event_type == "vereinbarung"
    assert {a.ags for a in event.authorities if a.role == "participant"} == {"01057029", "01057073"}


def test_the_kreis_that_only_locates_a_town_is_no_venue(extractor):
    text = ("Gemeinden gründen Wärmegesellschaft\nDie Gemeinde Oyten und die Gemeinde Ottersberg im Landkreis Verden "
            "haben eine gemeinsame Gesellschaft für ein Nahwärmenetz gegründet. Gesellschafter sind beide Kommunen.")
    event = extractor.extract(make_document("waerme", "waerme.txt", text))
    roles = {a.ags: a.role for a in event.authorities}
    assert event.relevant and roles["03361"] == "mentioned"  # the Landkreis Verden
    assert roles["03361009"] == "participant"  # Oyten


def test_towns_that_have_met_report_a_meeting_but_a_decision_taken_does_not(extractor):
    def meeting(text):
        hits = fields.reflexive_meetings(text, extractor.signals.hits(text))
        return sorted({label for label, term, _ in hits if term == "getroffen"})

    assert meeting("Die Städte haben sich in Bretten zu einem Austausch getroffen.") == ["coop", "type:arbeitstreffen"]
    assert meeting("Der Rat hat sich beraten. Die Entscheidung wurde getroffen.") == []
    assert meeting("Man hat die richtige Entscheidung getroffen.") == []
    assert fields.event_type("Die Bürgermeister haben sich zur Klausur in Ascheffel getroffen.") == "arbeitstreffen"


def test_participation_is_the_citizens_not_anyone_s_involvement(extractor):
    def participation(text):
        return [term for label, term, _ in extractor.signals.hits(text) if label == "topic:beteiligung"]

    assert participation("Die Konferenz fand unter Beteiligung weiterer Partnerstädte statt; die Beteiligung "
                         "des Landes und der Beteiligungsbericht der Stadtwerke.") == []
    assert participation("Mehr Bürgerbeteiligung, ein Beteiligungsportal und die Jugendbeteiligung.") == [
        "bürgerbeteiligung", "beteiligungs", "jugendbeteiligung"]


def test_municipal_debts_are_a_finance_topic(extractor):
    hits = [term for label, term, _ in extractor.signals.hits(
        "Eine Altschuldenlösung: die Kommunen von Kassenkrediten entlasten, Schulden abbauen.") if label == "topic:finanzen"]
    assert hits == ["altschulden", "kassenkredit", "schulden"]
    assert not any(label == "topic:finanzen" for label, _, _ in extractor.signals.hits("Die Schuldnerberatung hilft."))
