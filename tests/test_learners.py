"""The learners' store: a record written is read back (from memory, and from its file after a restart),
what is read back is checked like any input, a corrupted file is ignored, memory and disk are bounded, and
two tabs of one learner keep each other's answers."""
import json
import os
import threading

import pytest

from aecore.use import learners
from aecore.use.learners import Store, clean, merge, new_id, valid_id


def record(**lessons):
    return {"v": learners.VERSION, "lessons": lessons}


SHAPES = {"step": 2, "answers": {"conv": "28, 28, 16", "pool": "14×14×8"}, "right": {"conv": True, "pool": False},
          "values": {"dataset": "digits"}}


def test_an_id_is_random_and_only_such_ids_are_used():
    a, b = new_id(), new_id()
    assert a != b and valid_id(a) and len(a) >= 22
    for bad in ("", "short", "../../etc/passwd", "a" * 65, "abc def ghijklmnopq", None, 12345678901234567890,
                "aaaaaaaaaaaaaaaa.json"):
        assert not valid_id(bad)
    store = Store(None)
    assert store.load("../../etc/passwd") == {} and store.update("../x", {}, record(shapes=SHAPES)) == {}


def test_write_and_read_back_after_a_restart(tmp_path):
    learner = new_id()
    store = Store(tmp_path)
    assert store.load(learner) == {}
    stored = store.update(learner, {}, record(shapes=SHAPES))
    assert stored == record(shapes=SHAPES)
    assert store.load(learner) == stored
    assert json.loads((tmp_path / f"{learner}.json").read_text()) == stored
    assert Store(tmp_path).load(learner) == stored       # a new server reads the file
    assert Store(tmp_path).load(new_id()) == {}          # another learner has nothing
    assert not list(tmp_path.glob(".*.part"))


def test_a_loaded_record_is_a_copy(tmp_path):
    learner, store = new_id(), Store(tmp_path)
    store.update(learner, {}, record(shapes=SHAPES))
    doc = store.load(learner)
    doc["lessons"]["shapes"]["answers"]["odd"] = "4, 4, 8"
    assert "odd" not in store.load(learner)["lessons"]["shapes"]["answers"]


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[]", b'{"v": 99, "lessons": {}}',
                                     b'{"v": 1, "lessons": []}', b"[" * 100_000, b"[" * 30_000, b"0" * 40_000,
                                     json.dumps(record(shapes={"answers": {"conv": "x" * 40_000}})).encode()])
def test_a_corrupted_file_is_ignored(tmp_path, content):
    learner = new_id()
    (tmp_path / f"{learner}.json").write_bytes(content)
    store = Store(tmp_path)
    assert store.load(learner) == {}
    stored = store.update(learner, {}, record(shapes=SHAPES))   # and it is replaced by a good one
    assert Store(tmp_path).load(learner) == stored == record(shapes=SHAPES)


def test_what_is_read_back_is_checked_against_the_lessons():
    doc = clean(record(
        shapes={"step": 99, "answers": {"conv": "28, 28, 16", "idea": "no question here", "nope": "x", "pool": 7,
                                        "odd": "y" * 500},
                "right": {"conv": "yes", "pool": True, "nope": True}, "values": {"dataset": "digits",
                                                                                  "f": float("nan"), "o": {"a": 1}}},
        pca={"step": True, "answers": {"linear": "pca", "basis": "hack"}, "right": {"linear": False},
             "values": {str(i): i for i in range(40)}},
        nope={"step": 1}, conv="not a dict"))
    shapes, pca = doc["lessons"]["shapes"], doc["lessons"]["pca"]
    assert set(doc["lessons"]) == {"shapes", "pca"}
    assert shapes == {"step": 0, "answers": {"conv": "28, 28, 16"}, "right": {}, "values": {"dataset": "digits"}}
    assert pca["step"] == 0 and pca["answers"] == {"linear": "pca"} and pca["right"] == {"linear": False}
    assert len(pca["values"]) == learners.MAX_VALUES


def test_memory_is_bounded_and_the_files_keep_the_rest(tmp_path):
    store = Store(tmp_path, max_memory=3)
    ids = [new_id() for _ in range(5)]
    for i, learner in enumerate(ids):
        store.update(learner, {}, record(shapes={**SHAPES, "step": i}))
    assert len(store._memory) == 3 and ids[0] not in store._memory
    assert store.load(ids[0])["lessons"]["shapes"]["step"] == 0   # back from its file
    memory_only = Store(None, max_memory=2)
    for learner in ids[:3]:
        memory_only.update(learner, {}, record(shapes=SHAPES))
    assert memory_only.load(ids[0]) == {} and memory_only.load(ids[2]) == record(shapes=SHAPES)


def test_the_files_are_bounded_the_oldest_go(tmp_path):
    store = Store(tmp_path)
    ids = [new_id() for _ in range(6)]
    for i, learner in enumerate(ids):
        store.update(learner, {}, record(shapes=SHAPES))
        os.utime(tmp_path / f"{learner}.json", (1000 + i, 1000 + i))
    Store(tmp_path, max_files=4)                         # a server starts
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(ids[2:])


def test_an_unwritable_folder_keeps_the_record_in_memory(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    store, learner = Store(blocked / "learners"), new_id()
    assert store.update(learner, {}, record(shapes=SHAPES)) == record(shapes=SHAPES)
    assert store.load(learner) == record(shapes=SHAPES)


def test_two_tabs_of_one_learner_keep_each_others_answers(tmp_path):
    store, learner = Store(tmp_path), new_id()
    start = record(shapes={"step": 0, "answers": {}, "right": {}, "values": {}})
    store.update(learner, {}, start)
    tab_a = record(shapes={"step": 1, "answers": {"conv": "28, 28, 16"}, "right": {}, "values": {}})
    tab_b = record(shapes={"step": 2, "answers": {"pool": "14, 14, 16"}, "right": {}, "values": {}})
    store.update(learner, start, tab_a)
    stored = store.update(learner, start, tab_b)
    assert stored["lessons"]["shapes"]["answers"] == {"conv": "28, 28, 16", "pool": "14, 14, 16"}
    assert stored["lessons"]["shapes"]["step"] == 2
    again = record(shapes={"step": 1, "answers": {}, "right": {}, "values": {}})   # tab A: "Answer again"
    stored = store.update(learner, tab_a, again)
    assert stored["lessons"]["shapes"]["answers"] == {"pool": "14, 14, 16"}


def test_merge_applies_only_what_changed():
    assert merge({"a": 1, "b": 2}, {"a": 1, "b": 3}, {"a": 5, "b": 2, "c": 0}) == {"a": 5, "b": 3, "c": 0}
    assert merge({"a": 1}, {}, {"a": 1, "c": 0}) == {"c": 0}
    assert merge({}, {"x": {"y": 1}}, {"x": {"z": 2}}) == {"x": {"y": 1, "z": 2}}
    assert merge({"x": {"y": 1}}, {"x": {"y": 1, "w": 3}}, {}) == {"x": {"y": 1, "w": 3}}  # a part they lack


def test_a_session_that_began_with_nothing_stores_everything(tmp_path):
    """The first save of a new learner: the base is the empty record, the store has none (the bug a
    browser test caught: only the changed keys were written, and the version mark was lost)."""
    store, learner = Store(tmp_path), new_id()
    assert store.update(learner, record(), record(shapes=SHAPES)) == record(shapes=SHAPES)
    assert Store(tmp_path).load(learner) == record(shapes=SHAPES)
    (tmp_path / f"{learner}.json").unlink()                          # the file is lost, memory is not
    fresh, again = Store(tmp_path), record(shapes={**SHAPES, "step": 3})
    assert fresh.update(learner, record(shapes=SHAPES), again) == again


def test_many_sessions_at_once(tmp_path):
    store, learner = Store(tmp_path), new_id()
    answers = {s: str(i) for i, s in enumerate(("conv", "pool", "odd", "trim", "fix"))}

    def answer(step_id):
        mine = record(shapes={"step": 0, "answers": {step_id: answers[step_id]}, "right": {}, "values": {}})
        store.update(learner, {}, mine)
    threads = [threading.Thread(target=answer, args=(s,)) for s in answers]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert Store(tmp_path).load(learner)["lessons"]["shapes"]["answers"] == answers
