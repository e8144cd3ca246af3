"""The learned decisions: model arithmetic, deterministic fitting, folds by source, train and eval --cv."""

import json

import pytest

from koopatlas import cli, config
from koopatlas.extract import training
from koopatlas.extract.model import MODEL_PATH, LinearModel, Model, fit

SEEDS = config.SHARED_DIR / "seeds"
CORPUS = config.SHARED_DIR / "corpus"


def test_binary_and_multinomial_models_compute_probabilities_from_sparse_features():
    binary = LinearModel(["0", "1"], {"1": {"cue": 2.0, "venue": -3.0}}, {"1": 0.0})
    assert binary.probability({}) == pytest.approx(0.5)
    assert binary.probability({"cue": 1.0}) > 0.85 > 0.05 > binary.probability({"venue": 1.0})
    assert binary.probability({"unknown": 5.0}) == pytest.approx(0.5)  # features the model never saw weigh nothing
    multi = LinearModel(["a", "b"], {"a": {"x": 1.0}, "b": {"x": -1.0}}, {"a": 0.0, "b": 0.0})
    dist = multi.distribution({"x": 1.0})
    assert sum(dist.values()) == pytest.approx(1.0) and dist["a"] > dist["b"]


def test_fitting_is_deterministic_and_learns_the_direction_of_evidence():
    rows = [{"bias": 1.0, "cue": 1.0}] * 20 + [{"bias": 1.0, "venue": 1.0}] * 20 + [{"bias": 1.0, "cue": 1.0, "venue": 1.0}] * 3
    labels = ["1"] * 20 + ["0"] * 20 + ["0", "1", "0"]
    first, second = fit(rows, labels, c=1.0), fit(rows, labels, c=1.0)
    assert first.as_json() == second.as_json()
    assert first.weights["1"]["cue"] > 0 > first.weights["1"]["venue"]


def test_a_model_file_round_trips(tmp_path):
    part = LinearModel(["0", "1"], {"1": {"f": 0.5}}, {"1": -0.25})
    model = Model(part, part, part, part, LinearModel(["a", "b"], {"a": {"f": 1.0}, "b": {}}, {"a": 0.0, "b": 0.1}))
    path = tmp_path / "model.json"
    model.save(path)
    again = Model.load(path)
    assert again.role.as_json() == part.as_json() and again.event_type.classes == ["a", "b"]
    path.write_text(json.dumps({"format": 0}), encoding="utf-8")
    with pytest.raises(ValueError, match="model format"):
        Model.load(path)


def test_folds_keep_the_releases_of_one_source_together():
    assert training.source_group("abendblatt_01_b") == training.source_group("abendblatt_01") == "abendblatt"
    assert training.source_group("kreis_saarlouis_02") == "kreis_saarlouis"
    assert training.source_group("000_58bf39bb85e906b2") == "000_58bf39bb85e906b2"
    ids = ["abendblatt_01", "abendblatt_01_b", "abendblatt_01_d", "moz_01", "moz_02", "tlz_01", "wn_01", "x_01"]
    items = [training.Labelled({"id": i}, None) for i in ids]
    folds = training._folds(items, 3)
    assert sorted(i for f in folds for i in f) == list(range(len(ids)))
    where = {ids[i]: n for n, f in enumerate(folds) for i in f}
    assert where["abendblatt_01"] == where["abendblatt_01_b"] == where["abendblatt_01_d"]
    assert where["moz_01"] == where["moz_02"]


def test_the_shipped_model_is_in_the_package_and_holds_weights_not_texts():
    assert MODEL_PATH.is_file() and MODEL_PATH.parent.name == "extract"
    model = Model.load()
    for part in Model.PARTS:
        assert getattr(model, part).weights
    text = MODEL_PATH.read_text(encoding="utf-8")
    assert MODEL_PATH.stat().st_size < 200_000
    if SEEDS.is_dir():
        for doc in SEEDS.glob("*.txt"):
            for line in doc.read_text(encoding="utf-8").splitlines():
                if len(line) > 60:
                    assert line[:60] not in text, doc.name


def test_train_writes_a_model_the_extractor_uses(built_db, tmp_path, capsys):
    if not (SEEDS / "gold.jsonl").is_file():
        pytest.skip("../shared/seeds not present")
    out = tmp_path / "model.json"
    assert cli.main(["--db", str(built_db), "train", str(SEEDS), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "5 Dokumente" in printed and "role:" in printed
    model = Model.load(out)
    assert model.meta["documents"] == 5


#: Cross-validated floors on ../shared/seeds + ../shared/corpus: the issue's targets, which the default fold
#: assignment now meets (0.909 / 0.937 / 0.871 / 0.753 / 0.760, BENCHMARKS.md). They stop a change that makes
#: unseen releases worse; the mean over other fold assignments (`eval --cv 5 --repeats N`) is the finer measure.
CV_FLOORS = {"participant_f1": 0.88, "relevance": 0.93, "year": 0.85, "topic_f1": 0.75, "event_type": 0.75}


@pytest.mark.shared
def test_cross_validated_extraction_stays_above_its_floors(built_db, capsys):
    if not (CORPUS / "gold.jsonl").is_file() or not (SEEDS / "gold.jsonl").is_file():
        pytest.skip("../shared/seeds and ../shared/corpus are needed for the cross-validated floors")
    extractor = cli._extractor(built_db)
    items = training.analyse_labelled(extractor, [(SEEDS / "gold.jsonl", SEEDS), (CORPUS / "gold.jsonl", CORPUS)])
    result = training.cross_validate(extractor, items, 5)
    figures, trained = result.held_out.headline(), result.training
    print(figures, trained.headline())
    for name, floor in CV_FLOORS.items():
        assert figures[name] >= floor, (name, figures[name])
    # the held-out figures per labelled set split the same documents
    assert sorted(result.by_set) == [str(CORPUS), str(SEEDS)]
    assert sum(s.documents for s in result.by_set.values()) == result.held_out.documents
    # the training figures of the same data are higher: a gap, not a reversal
    assert trained.participants[2] >= figures["participant_f1"] - 0.01


def test_eval_cv_prints_cross_validated_and_training_figures_side_by_side(built_db, capsys):
    if not (SEEDS / "gold.jsonl").is_file() or not (CORPUS / "gold.jsonl").is_file():
        pytest.skip("../shared/seeds and ../shared/corpus not present")
    assert cli.main(["--db", str(built_db), "eval", "--cv", "3", "--repeats", "2", str(SEEDS / "gold.jsonl"),
                     str(SEEDS), str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "cross-validated" in out and "training" in out
    assert "over 2 fold assignments (mean ± sd): participant_f1" in out
    # each labelled set's documents held out from models that learnt from both sets
    assert f"{SEEDS} (5 documents), mean ± sd of 2: participant_f1" in out
    assert f"{CORPUS} (" in out
    assert out.strip().splitlines()[-2].startswith("CV: participants F1")
    assert cli.main(["--db", str(built_db), "eval", "--cv", "1", str(SEEDS)]) == 2


def test_seed_titles_are_the_headlines(built_db):
    from koopatlas.evaluate import Scores, read_gold
    from koopatlas.sources import load

    scores = Scores()
    for gold in read_gold(config.PROJECT_DIR / "tests" / "fixtures" / "seed_titles.jsonl"):
        doc = load(config.DATA_DIR / "samples" / f"{gold['id']}.txt")
        scores.add(gold, {"title": doc.title})
    assert scores.title_total == 5 and scores.title_correct == 5, scores.errors


def test_a_place_listed_with_a_chosen_party_joins_it_when_the_role_model_nearly_believes_in_it():
    from koopatlas.extract import list_mates
    from koopatlas.extract.places import Authority, Linked

    def authority(ags: str, start: int, list_start: int, list_size: int, background: bool = False) -> Authority:
        mention = Linked(start, start + 5, "Name", ags, "gemeinde", 1.0, 1.0, background=background,
                         in_list=list_size > 1, list_size=list_size, list_start=list_start)
        return Authority(ags, "Name", "gemeinde", "participant", 0.9, [mention])

    # "Die Gemeinden A und B" (one list), C alone, "etwa D und E" (a background list)
    authorities = [authority("1", 0, 0, 2), authority("2", 10, 0, 2), authority("3", 40, 40, 1),
                   authority("4", 60, 60, 2, True), authority("5", 70, 60, 2, True)]
    role_p = [0.9, 0.45, 0.45, 0.9, 0.45]
    assert list_mates(authorities, role_p, [0, 3]) == [1]  # B joins A; C is in no list; E's list is background
    assert list_mates(authorities, [0.9, 0.3, 0.45, 0.9, 0.45], [0, 3]) == []  # too weak
    assert list_mates(authorities, role_p, [2]) == []  # no party chosen in a list
