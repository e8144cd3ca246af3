"""Dates: the reported event's year, not a year in passing."""

from datetime import date

import pytest

from koopatlas.extract.dates import anniversary_year, event_year, find_dates, header_date, url_date


def test_full_date_of_the_event_beats_a_year_in_passing():
    text = ("Am Donnerstag, dem 03. Juli 2014 besucht der Landrat den Landkreis Spree-Neiße. "
            "Bereits 2013 besuchten Landrat und Dezernenten den Landkreis Vorpommern-Rügen.")
    assert event_year(text) == (2014, date(2014, 7, 3))


def test_years_of_plans_programmes_and_founding_are_background():
    text = ("Das Forum wurde am 29.11.2019 gegründet. Beim Jahrestreffen im Juni 2020 ging es um Schulwege. "
            "Die Planung reicht bis 2030.")
    assert event_year(text)[0] == 2020


def test_a_plan_for_next_year_is_not_the_event():
    text = "Das erste Treffen fand am Donnerstag im Rathaus statt. Das nächste Treffen ist im Mai 2019 in Beckum vorgesehen."
    assert event_year(text, published=date(2018, 11, 9))[0] == 2018


def test_publication_date_is_the_fallback():
    assert event_year("Die Landräte trafen sich gestern.", published=date(2021, 3, 1)) == (2021, None)
    assert event_year("Die Landräte trafen sich gestern.") == (None, None)


@pytest.mark.parametrize("text", [
    "Die Partnerschaft wurde 1990 gegründet. " + "Viele Jahre vergingen. " * 12 + "1995 besiegelten beide den Vertrag.",
    "Seit dem Jahr 1989, als alles begann, und seit 2001 besteht der Verbund; 2003 ins Leben gerufen.",
    "Die Kreisgebietsreform " + "x" * 55 + " 2011 und die 120191 Gründung 1999.",
])
def test_founding_years_found_around_the_years_equal_a_scan_of_the_whole_text(text):
    from koopatlas.extract import dates

    assert [m.span() for m in dates._founding(text)] == [m.span() for m in dates.FOUNDING.finditer(text)]
    assert dates.FOUNDING.search(text)


def test_anniversary_counts_from_the_founding():
    text = "Die Partnerschaft wurde am 28. September 1990 unterzeichnet. Jetzt feierten beide Orte 25 Jahre Partnerschaft."
    assert anniversary_year(text) == 2015
    assert event_year(text)[0] == 2015


def test_anniversary_of_a_hyphenated_partnership():
    text = "10 Jahre deutsch-tschechische Partnerschaft. Im Mai 2012 besiegelten die Kreise ihre Freundschaft."
    assert anniversary_year(text, date(2026, 1, 1)) == 2022


def test_anniversary_written_in_words():
    today = date(2026, 1, 1)
    assert anniversary_year("Zehn Jahre Städtepartnerschaft: Seit 2013 gab es viele Schüleraustausche.", today) == 2023
    assert anniversary_year("Das fünfundzwanzigjährige Bestehen der 1991 besiegelten Partnerschaft.", today) == 2016
    assert anniversary_year("Zum zwanzigsten Jahrestag der 2001 unterzeichneten Partnerschaft reisten sie.", today) == 2021
    assert anniversary_year("Dreißig Jahre nach der Wiedervereinigung trafen sich die Landräte.", today) == 2020
    # a number word needs its anniversary noun; an article is no number
    assert anniversary_year("Seit 2013 ein Jubiläum nach dem anderen.", today) is None


def test_anniversary_counts_from_where_the_partnership_goes_back_to():
    text = ("30 Jahre Partnerschaft: Die Landkreise feierten das 30-jährige Bestehen ihrer Partnerschaft. Die "
            "Verbindung geht auf das Jahr 1990 zurück. Der damalige Kreis ging 1994 im Landkreis auf.")
    assert anniversary_year(text, date(2026, 1, 1)) == 2020
    assert anniversary_year("25 Jahre Freundschaft, deren Anfänge bis 1995 reichen.", date(2026, 1, 1)) == 2020


def test_number_words():
    from koopatlas.extract.dates import number

    assert [number(w) for w in ("12", "zehn", "Elf", "fünfundzwanzigsten", "dritte", "einhundertzwanzig")] == \
        [12, 10, 11, 25, 3, 120]
    assert number("Ehe") is None and number("und") is None


def test_anniversary_of_german_unity_needs_no_founding_year_in_the_text():
    assert anniversary_year("Das Jubiläumsjahr 30 Jahre Deutsche Einheit feierten beide Städte.", date(2026, 1, 1)) == 2020
    assert anniversary_year("25 Jahre nach dem Mauerfall trafen sich die Bürgermeister.", date(2026, 1, 1)) == 2014
    # a founding year in the text wins over the national one
    text = "30 Jahre Wiedervereinigung und 20 Jahre Partnerschaft: 1998 unterzeichneten beide den Vertrag."
    assert anniversary_year(text, date(2026, 1, 1)) == 2018
    # and an anniversary still to come is no event year
    assert anniversary_year("50 Jahre Deutsche Einheit", date(2026, 1, 1)) is None


def test_dateline_and_url_dates():
    assert header_date("Pressemitteilung Nr. 150/14, 01.07.2014\nTitel") == date(2014, 7, 1)
    assert url_date("https://www.example.de/2025/09/18/besuch-im-partnerlandkreis") == (2025, date(2025, 9, 18))
    assert url_date("https://example.de/aktuelles/16-06-2025-halle-und-leipzig") == (2025, date(2025, 6, 16))
    assert url_date("https://example.de/neuigkeiten/2019/september-2019/kooperation")[0] == 2019
    assert url_date("https://example.de/?p=101873") == (None, None)


def test_a_day_without_year_before_a_planned_month_takes_the_plan_year_or_the_one_before():
    text = ("Zu einem ersten Treffen sind am Donnerstag (8. November) die Bürgermeister zusammengekommen. "
            "Das nächste Treffen ist im Mai 2019 in Beckum vorgesehen.")
    assert event_year(text)[0] == 2018
    text = text.replace("8. November", "8. März")
    assert event_year(text)[0] == 2019


def test_a_bracketed_dateline_beats_a_page_header_date():
    text = "Dienstag, 21. Oktober 2025\n\nKooperationen\n\n[15.12.2014] Die Landeshauptstadt und der Kreis arbeiten zusammen."
    assert header_date(text) == date(2014, 12, 15)


def test_a_date_with_a_two_digit_year_under_a_teaser_is_read():
    text = "Arnsberg und Ense unterzeichnen einen Kooperationsvertrag … • Arnsberg • 24.09.20"
    assert [h.day for h in find_dates(text)] == [date(2020, 9, 24)]
    assert event_year(text) == (2020, date(2020, 9, 24))
    assert [h.day for h in find_dates("Artikel vom 05.10.98")] == [date(1998, 10, 5)]


@pytest.mark.parametrize("text", ["Version 1.2.20 der Software", "Telefon 45.67.89", "IP 10.10.10.10", "1.000.000 Euro",
                                  "Abschnitt 31.02.20 gilt"])
def test_numbers_that_only_look_like_short_dates_are_no_dates(text):
    assert find_dates(text) == []
