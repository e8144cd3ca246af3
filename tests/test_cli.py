"""The command line: extract, ingest (idempotent, failures reported), eval; the seeds end to end."""

import json
import shutil

import duckdb
import pytest

from koopatlas import cli, config
from koopatlas.evaluate import Scores, norm_ags

SEEDS = config.SHARED_DIR / "seeds"
CORPUS = config.SHARED_DIR / "corpus"
SAMPLES = config.DATA_DIR / "samples"


def test_extract_prints_one_json_object_per_document_with_the_gold_fields(built_db, capsys):
    assert cli.main(["--db", str(built_db), "extract", str(SAMPLES)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 5
    for line in lines:
        obj = json.loads(line)
        for key in ("id", "url", "relevant", "published", "year", "participants", "locations",
                    "foreign_partners", "topics", "event_type"):
            assert key in obj
    first = json.loads(lines[0])
    assert first["id"] == "000_58bf39bb85e906b2"
    assert first["published"] == "2014-07-01" and first["year"] == 2014


def test_seeds_end_to_end_participants_match_the_gold(built_db, capsys):
    """The five shipped samples against labels written from their texts (as in the annotation guide)."""
    expected = {
        "000_58bf39bb85e906b2": {"13073", "12071"},
        "001_aa843e7ba32c76ef": {"05978024", "05113", "05170"},
        "002_249c812bb98d6403": {"15084", "03459"},
        "003_c0c549fe9779719b": {"13075", "03360", "05558", "07231", "09374", "08336", "12069"},
        "004_0c44c7f977cb85e1": {"05958004", "05958044"},
    }
    cli.main(["--db", str(built_db), "extract", str(SAMPLES)])
    for line in capsys.readouterr().out.strip().splitlines():
        obj = json.loads(line)
        assert obj["relevant"] is True
        assert {norm_ags(p["ags"]) for p in obj["participants"]} == expected[obj["id"]], obj["id"]
    # the venue of seed 000 is a location, not a participant
    cli.main(["--db", str(built_db), "extract", str(SAMPLES / "000_58bf39bb85e906b2.txt")])
    obj = json.loads(capsys.readouterr().out)
    assert [loc["ags"] for loc in obj["locations"]] == ["12071076"]


def test_ingest_is_idempotent_and_reports_failures_without_losing_the_rest(built_db, tmp_path, capsys):
    db = tmp_path / "ingest.duckdb"
    shutil.copyfile(built_db, db)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "neu.txt").write_text(
        "Arbeitstreffen im Kreishaus\nDer Burgenlandkreis und der Landkreis Osnabrück vereinbaren eine engere "
        "Zusammenarbeit bei der Arbeitsvermittlung. Landrat Götz Ulrich besuchte dazu das Kreishaus Osnabrück.\n",
        encoding="utf-8",
    )
    (folder / "kaputt.pdf").write_bytes(b"%PDF-1.4 nothing")
    con = duckdb.connect(str(db), read_only=True)
    before = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()

    code = cli.main(["--db", str(db), "ingest", str(folder)])
    captured = capsys.readouterr()
    assert code == 1
    assert "kaputt.pdf" in captured.err
    assert "1 gespeichert" in captured.out

    code = cli.main(["--db", str(db), "ingest", str(folder / "neu.txt")])
    assert code == 0 and "0 gespeichert, 1 unverändert" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == before + 1
    parts = con.execute(
        "SELECT DISTINCT ags FROM event_participants p JOIN events e USING (event_id) JOIN documents d USING (doc_id) "
        "WHERE d.name = 'neu' AND p.role = 'participant' ORDER BY ags"
    ).fetchall()
    assert [p[0] for p in parts] == ["03459", "15084"]
    offsets = con.execute(
        "SELECT d.clean_text, p.mention, p.start_char, p.end_char FROM event_participants p "
        "JOIN events e USING (event_id) JOIN documents d USING (doc_id) LIMIT 20"
    ).fetchall()
    for clean_text, mention, start, end in offsets:
        assert clean_text[start:end] == mention
    con.close()


def test_the_build_stored_the_sample_corpus(con):
    names = {r[0] for r in con.execute("SELECT name FROM documents").fetchall()}
    assert {"000_58bf39bb85e906b2", "004_0c44c7f977cb85e1"} <= names
    assert con.execute("SELECT count(*) FROM events WHERE relevant").fetchone()[0] >= 5


def test_eval_scores_f1_with_five_or_eight_digit_kreisfreie_staedte():
    scores = Scores()
    scores.add({"id": "a", "relevant": True, "year": 2020, "participants": [{"ags": "05113"}, {"ags": "05978024"}],
                "topics": ["arbeit"], "event_type": "besuch"},
               {"relevant": True, "year": 2020, "participants": [{"ags": "05113000"}, {"ags": "03459"}],
                "topics": ["arbeit", "bildung"], "event_type": "besuch"})
    assert (scores.tp, scores.fp, scores.fn) == (1, 1, 1)
    assert scores.year_accuracy == 1.0 and scores.type_accuracy == 1.0
    assert scores.topic_f1 == pytest.approx(2 / 3)


def test_eval_command_reports_all_measures(built_db, capsys):
    if not (SEEDS / "gold.jsonl").is_file():
        pytest.skip("../shared/seeds not present")
    assert cli.main(["--db", str(built_db), "eval", str(SEEDS / "gold.jsonl"), str(SEEDS), "-v"]) == 0
    out = capsys.readouterr().out
    for label in ("participants: P", "relevance accuracy", "year accuracy", "topic micro-F1", "event-type accuracy"):
        assert label in out
