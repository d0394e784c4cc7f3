"""The class database (aecore.app.classdb), every test on SQLite and on a real PostgreSQL server (tests/pg.py)."""
import csv
import io
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from aecore.app import classdb
from aecore.app.classdb import ClassError, Gain, StepState, Tally

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
LOOK_ALIKES = set("0O1IL2Z5S8BUVoil")
TABLES = {"classes", "learners", "answers", "steps", "schema_version"}
POSTGRES = pytest.mark.postgres


def lid(i) -> str:
    return f"learner-{i:04d}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=POSTGRES)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'class.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def db(url):
    db = classdb.connect(url)
    yield db
    db.close()


def key_of(call) -> str:
    with pytest.raises(ClassError) as e:
        call()
    return e.value.key


def rows_of(db, class_id: int) -> dict[str, int]:
    with db.engine.connect() as c:
        return {t.name: c.scalar(sa.select(sa.func.count()).select_from(t).where(
                (t.c.id if t.name == "classes" else t.c.class_id) == class_id))
                for t in (classdb.classes, classdb.learners, classdb.answers, classdb.steps)}


def test_start_find_expire(db):
    info = db.start("  Period\x00 3\n ", hours=2, max_learners=40, now=T0)
    assert (info.title, info.max_learners, info.lesson) == ("Period 3", 40, "")
    assert (info.created, info.expires) == (T0, T0 + timedelta(hours=2))
    typed = f" {info.code[:2].lower()}-{info.code[2:].lower()} "
    assert db.find(typed, now=T0 + timedelta(hours=1)) == info
    assert key_of(lambda: db.find(info.code, now=T0 + timedelta(hours=2))) == "class.expired"
    assert key_of(lambda: db.find("0000", now=T0)) == "class.unknown"
    db.set_lesson(info.code, "lesson-2")
    assert db.find(info.code, now=T0).lesson == "lesson-2"
    assert db.start(hours=1e9, max_learners=10**9, now=T0).expires == T0 + timedelta(hours=classdb.MAX_HOURS)
    for bad in ("soon", float("nan"), None):
        assert key_of(lambda: db.start(hours=bad)) == "class.bad_value"


def test_end_deletes_every_row_of_the_class(db):
    a, b = db.start(now=T0), db.start(now=T0)
    for info in (a, b):
        for i in range(3):
            db.join(info.code, lid(i), f"n{i}", now=T0)
            db.record(info.code, lid(i), "shapes/pool", 1, "A", True, now=T0)
        db.set_step_state(info.code, "shapes/pool", "vote")
    assert rows_of(db, a.id) == {"classes": 1, "learners": 3, "answers": 3, "steps": 1}
    assert set(sa.inspect(db.engine).get_table_names()) == TABLES  # a new table must be deleted by end() too
    db.end(a.code.lower())
    assert rows_of(db, a.id) == {"classes": 0, "learners": 0, "answers": 0, "steps": 0}
    assert rows_of(db, b.id) == {"classes": 1, "learners": 3, "answers": 3, "steps": 1}
    assert key_of(lambda: db.find(a.code, now=T0)) == "class.unknown"
    db.end(a.code)  # again: nothing to delete, no error


def test_codes_have_no_look_alikes_and_are_unique(db, monkeypatch):
    codes = [db.start(now=T0).code for _ in range(60)]
    assert len(set(codes)) == 60
    assert all(len(c) == 4 and set(c) <= set(classdb.ALPHABET) and not set(c) & LOOK_ALIKES for c in codes)
    assert not set(classdb.ALPHABET) & LOOK_ALIKES
    fresh = next(c for c in ("CCCC", "DDDD", "EEEE") if c not in codes)
    drawn = iter([codes[0], codes[1], fresh])
    monkeypatch.setattr(classdb, "_new_code", lambda: next(drawn))
    assert db.start(now=T0).code == fresh  # two taken codes drawn, then a free one


def test_expired_classes_are_deleted_a_day_later(db):
    old = db.start(hours=1, now=T0)
    db.join(old.code, lid(1), now=T0)
    later = T0 + timedelta(hours=1) + classdb.KEEP_EXPIRED
    db.start(now=later)
    assert key_of(lambda: db.find(old.code, now=later)) == "class.expired"  # kept for the teacher's export
    db.start(now=later + timedelta(seconds=1))
    assert rows_of(db, old.id) == {"classes": 0, "learners": 0, "answers": 0, "steps": 0}


def test_join(db):
    code = db.start(max_learners=2, now=T0).code
    assert db.join(code, lid(1), "  <b>Min\x00ji\u200b</b>\t\n ", now=T0) == "<b>Minji</b>"
    assert db.join(code, lid(1), "가" * 30, now=T0) == "가" * 24  # a reload: the same learner, a new nickname
    assert db.learners(code) == 1
    assert db.join(code, lid(2), now=T0) == ""  # anonymous
    assert key_of(lambda: db.join(code, lid(3), "late", now=T0)) == "class.full"
    assert db.join(code, lid(2), "back", now=T0) == "back"  # one who joined may join again when full
    assert db.learners(code) == 2
    for bad in ("short", "x" * 65, "has space!", None, 12345678):
        assert key_of(lambda: db.join(code, bad, now=T0)) == "class.bad_value"
    assert key_of(lambda: db.join(code, lid(4), now=T0 + timedelta(days=1))) == "class.expired"
    assert key_of(lambda: db.join("XXXX", lid(4), now=T0)) == "class.unknown"


def test_record_once(db):
    code = db.start(now=T0).code
    db.join(code, lid(1), now=T0)
    assert db.record(code, lid(1), "shapes/pool", 1, "A", False, now=T0) is True
    assert db.record(code, lid(1), "shapes/pool", 1, "A", False, now=T0) is False  # a resend
    assert db.record(code, lid(1), "shapes/pool", 1, "B", True, now=T0) is False  # the first answer stands
    assert db.record(code, lid(1), "shapes/pool", 2, "B" * 100, True, now=T0) is True
    tallies = db.board(code, ["shapes/pool"])["shapes/pool"]
    assert [(t.round, t.answers) for t in tallies] == [(1, [("A", 1, False)]), (2, [("B" * 64, 1, True)])]
    assert key_of(lambda: db.record(code, lid(2), "shapes/pool", 1, "A", True, now=T0)) == "class.not_joined"
    for r in (0, 3, "1", True):
        assert key_of(lambda: db.record(code, lid(1), "q", r, "A", True, now=T0)) == "class.bad_value"
    assert key_of(lambda: db.record(code, lid(1), "", 1, "A", True, now=T0)) == "class.bad_value"
    assert key_of(lambda: db.record(code, lid(1), "q", 1, "A", True, now=T0 + timedelta(days=1))) == "class.expired"


def test_record_exactly_once_under_concurrency(db):
    code = db.start(now=T0).code
    for i in range(60):
        db.join(code, lid(i), now=T0)
    barrier, stored, errors = threading.Barrier(120), [], []

    def send(i):  # two requests per learner, all 120 at the same moment
        try:
            barrier.wait(timeout=60)
            stored.append(db.record(code, lid(i), "shapes/pool", 1, "B", True, now=T0))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=send, args=(i % 60,)) for i in range(120)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and len(stored) == 120
    assert stored.count(True) == 60
    with db.engine.connect() as c:
        assert c.scalar(sa.select(sa.func.count()).select_from(classdb.answers)) == 60
    assert db.board(code, ["shapes/pool"])["shapes/pool"] == [Tally("shapes/pool", 1, 60, 60, [("B", 60, True)])]


def test_rate_limit(db):
    code = db.start(now=T0).code
    db.join(code, lid(1), now=T0)
    db.join(code, lid(2), now=T0)
    for i in range(classdb.RATE):
        assert db.record(code, lid(1), f"q{i}", 1, "A", True, now=T0 + timedelta(seconds=i))
    assert key_of(lambda: db.record(code, lid(1), "q-more", 1, "A", True, now=T0 + timedelta(seconds=59))) \
        == "class.too_fast"
    assert db.record(code, lid(2), "q-more", 1, "A", True, now=T0 + timedelta(seconds=59))  # another learner
    assert db.record(code, lid(1), "q-more", 1, "A", True, now=T0 + timedelta(seconds=60.5))  # q0 left the minute


def test_board(db):
    code = db.start(now=T0).code
    pre = ["A", "A", "A", "B", "B", "C"]
    post = ["A", "A", "A", "A", "A", "B"]
    for i, (one, two) in enumerate(zip(pre, post)):
        db.join(code, lid(i), now=T0)
        db.record(code, lid(i), "shapes/pool", 1, one, one == "A", now=T0)
        db.record(code, lid(i), "shapes/pool", 2, two, two == "A", now=T0)
    db.record(code, lid(0), "shapes/dense", 1, "Y", False, now=T0)
    db.record(code, lid(1), "shapes/dense", 1, "X", False, now=T0)
    other = db.start(now=T0).code
    db.join(other, lid(0), now=T0)
    db.record(other, lid(0), "shapes/pool", 1, "C", False, now=T0)  # another class: not on this board
    board = db.board(code, ["shapes/pool", "shapes/dense", "shapes/none"])
    assert board == {
        "shapes/pool": [Tally("shapes/pool", 1, 6, 3, [("A", 3, True), ("B", 2, False), ("C", 1, False)]),
                        Tally("shapes/pool", 2, 6, 5, [("A", 5, True), ("B", 1, False)])],
        "shapes/dense": [Tally("shapes/dense", 1, 2, 0, [("X", 1, False), ("Y", 1, False)])],  # a tie: by answer
        "shapes/none": []}
    assert db.board(code, []) == {}


def test_a_held_answer_is_pending_until_settled(db):
    """A held step's answers are stored before their verdict is known (the result is not drawn before the
    reveal): the board counts them as pending, ``settle`` gives each its verdict once."""
    code = db.start(now=T0).code
    for i, answer in enumerate(["a", "a", "b"]):
        db.join(code, lid(i), now=T0)
        assert db.record(code, lid(i), "shapes/train", 1, answer, None, now=T0)
    (tally,) = db.board(code, ["shapes/train"])["shapes/train"]
    assert (tally.answered, tally.right, tally.pending) == (3, 0, 3)
    assert tally.answers == [("a", 2, None), ("b", 1, None)]
    assert db.mine(code, lid(0), "shapes/train") == {1: ("a", None)}
    assert db.settle(code, lid(0), "shapes/train", 1, True)
    assert not db.settle(code, lid(0), "shapes/train", 1, False)  # settled once: a second verdict changes nothing
    assert db.settle(code, lid(2), "shapes/train", 1, False)
    (tally,) = db.board(code, ["shapes/train"])["shapes/train"]
    assert (tally.answered, tally.right, tally.pending) == (3, 1, 1)
    assert tally.answers == [("a", 2, True), ("b", 1, False)]
    assert db.mine(code, lid(0), "shapes/train") == {1: ("a", True)}


def test_a_reload_finds_its_class_and_the_teacher_its_classes(db):
    first = db.start("first", now=T0)
    second = db.start("second", now=T0 + timedelta(minutes=1))
    assert db.seat(lid(0), now=T0) is None
    db.join(first.code, lid(0), "Mina", now=T0)
    db.join(second.code, lid(0), "Mina", now=T0 + timedelta(minutes=2))
    info, nick = db.seat(lid(0), now=T0 + timedelta(minutes=3))
    assert (info.code, nick) == (second.code, "Mina")  # the class joined last
    assert db.seat(lid(0), now=T0 + timedelta(hours=13)) is None  # expired: no seat
    assert [c.code for c in db.live(now=T0 + timedelta(minutes=3))] == [second.code, first.code]
    db.set_step_state(second.code, "shapes/pool", "vote")
    assert db.step_states(second.code) == {"shapes/pool": StepState("vote", 1)}
    db.record(second.code, lid(0), "shapes/pool", 1, "14, 14, 16", True, now=T0 + timedelta(minutes=2))
    assert db.rounds_of(second.code, lid(0), ["shapes/pool", "shapes/odd"]) == {
        "shapes/pool": {1: ("14, 14, 16", True)}, "shapes/odd": {}}
    db.end(second.code)
    assert db.seat(lid(0), now=T0 + timedelta(minutes=3))[0].code == first.code
    db.leave(first.code, lid(0))
    assert db.seat(lid(0), now=T0 + timedelta(minutes=3)) is None


def test_step_state(db):
    code = db.start(now=T0).code
    assert db.step_state(code, "shapes/pool") == StepState("open", 1)
    seen = [db.set_step_state(code, "shapes/pool", m) for m in ("vote", "discuss", "revote", "reveal", "open")]
    assert seen == [StepState("vote", 1), StepState("discuss", 1), StepState("revote", 2), StepState("reveal", 2),
                    StepState("open", 1)]
    db.set_step_state(code, "shapes/pool", "revote")
    assert db.step_state(code, "shapes/pool") == StepState("revote", 2)
    assert db.step_state(code, "shapes/dense") == StepState("open", 1)
    assert db.set_step_state(code, "shapes/dense", "reveal") == StepState("reveal", 1)
    assert key_of(lambda: db.set_step_state(code, "shapes/pool", "shout")) == "class.bad_value"


def test_gain(db):
    code = db.start(now=T0).code
    # check/q1: four learners answer before and after (1 right, then 3 right); one only before, one only after
    # check/q2: two learners, both right before (100 %), one right after
    answers = {("check/q1", 1): [True, False, False, False, True], ("check/q1", 2): [True, True, True, False, None,
                                                                                      False],
               ("check/q2", 1): [True, True], ("check/q2", 2): [True, False]}
    for i in range(6):
        db.join(code, lid(i), now=T0)
    for (q, r), rights in answers.items():
        for i, right in enumerate(rights):
            if right is not None:
                db.record(code, lid(i), q, r, "yes" if right else "no", right, now=T0)
    gains = db.gain(code, ["check/q1", "check/q2", "check/q3"])
    assert gains[0] == Gain("check/q1", 25.0, 75.0, 4, pytest.approx((75 - 25) / (100 - 25)))
    assert gains[1] == Gain("check/q2", 100.0, 50.0, 2, None)
    assert gains[2] == Gain("check/q3", 0.0, 0.0, 0, None)
    whole = classdb.class_gain(gains)  # 6 answer pairs: 3 right before (50 %), 4 after (66.7 %)
    assert (whole.n, whole.pre_pct, whole.post_pct) == (6, 50.0, pytest.approx(400 / 6))
    assert whole.g == pytest.approx((400 / 6 - 50) / 50)
    rows = list(csv.DictReader(io.StringIO(db.gain_csv(code, ["check/q1", "check/q2", "check/q3"]))))
    assert rows == [{"question": "check/q1", "n": "4", "pre %": "25.0", "post %": "75.0", "g": "0.667"},
                    {"question": "check/q2", "n": "2", "pre %": "100.0", "post %": "50.0", "g": ""},
                    {"question": "check/q3", "n": "0", "pre %": "0.0", "post %": "0.0", "g": ""},
                    {"question": "(all)", "n": "6", "pre %": "50.0", "post %": "66.7", "g": "0.333"}]


def test_history(db):
    day1, day2 = T0, T0 + timedelta(days=1)
    a = db.start(hours=100, now=day1).code
    db.set_lesson(a, "shapes")
    for who in (lid(1), lid(2)):
        db.join(a, who, now=day1)
    db.record(a, lid(1), "shapes/pool", 1, "A", False, now=day1)
    db.record(a, lid(1), "shapes/dense", 1, "D", True, now=day1 + timedelta(minutes=5))
    db.record(a, lid(1), "shapes/pool", 2, "B", True, now=day1 + timedelta(minutes=10))  # the latest answer to it
    db.record(a, lid(2), "shapes/flat", 1, "F", True, now=day1)  # someone else's
    b = db.start(now=day2).code
    db.set_lesson(b, "denoise")
    db.join(b, lid(1), now=day2)
    db.record(b, lid(1), "denoise/noise", 1, "N", True, now=day2)
    db.record(a, lid(1), "shapes/today", 1, "T", True, now=day2 + timedelta(minutes=1))
    at = day2 + timedelta(minutes=2)
    assert db.history(lid(1), now=at, exclude_lesson="denoise") == [
        ("shapes/dense", "D", True, day1 + timedelta(minutes=5)),
        ("shapes/pool", "B", True, day1 + timedelta(minutes=10)),
        ("shapes/today", "T", True, day2 + timedelta(minutes=1))]  # today, but another lesson
    assert [h[0] for h in db.history(lid(1), now=at, exclude_lesson="shapes")] == [
        "shapes/dense", "shapes/pool", "denoise/noise"]
    assert [h[0] for h in db.history(lid(1), now=at, limit=1, exclude_lesson="shapes")] == ["shapes/dense"]
    assert db.history(lid(1), now=day1 + timedelta(hours=1), exclude_lesson="shapes") == []  # all today, same lesson
    assert db.history(lid(3), now=at) == []


def test_an_answer_belongs_to_its_questions_lesson(db):
    """Spaced retrieval asks "another lesson" of the question itself, not of the lesson the teacher's menu shows
    (a class whose teacher never picked one would send a learner their own minutes-old answers back)."""
    code = db.start(now=T0).code  # no lesson set
    db.join(code, lid(1), now=T0)
    db.record(code, lid(1), "check/shapes/stride", 1, "(4, 4, 8)", True, now=T0)
    db.record(code, lid(1), "conv/model", 1, "(8, 8, 16)", False, now=T0)
    later = T0 + timedelta(minutes=5)
    assert [h[0] for h in db.history(lid(1), now=later, exclude_lesson="shapes")] == ["conv/model"]
    assert [h[0] for h in db.history(lid(1), now=later, exclude_lesson="conv")] == ["check/shapes/stride"]


def test_migrate_from_version_1(url):
    old = classdb.ClassDB(url)
    assert old.migrate(upto=1) == 1
    assert "lesson" not in {c["name"] for c in sa.inspect(old.engine).get_columns("classes")}
    with old.engine.begin() as c:  # a class of version 1, with one learner and an answer
        class_id = c.execute(sa.insert(classdb.classes).values(
            code="CCCC", title="old", created=T0.replace(tzinfo=None), expires=(T0 + timedelta(hours=5)).replace(
                tzinfo=None), max_learners=30).returning(classdb.classes.c.id)).scalar()
        c.execute(sa.insert(classdb.learners).values(class_id=class_id, learner_id=lid(1), nickname="",
                                                     joined=T0.replace(tzinfo=None)))
        c.execute(sa.insert(classdb.answers).values(class_id=class_id, learner_id=lid(1), question="q", round=1,
                                                    answer="A", correct=True, at=T0.replace(tzinfo=None)))
    old.engine.dispose()
    db = classdb.connect(url)
    try:
        inspector = sa.inspect(db.engine)
        for table in (classdb.classes, classdb.learners, classdb.answers, classdb.steps):
            assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.c.keys())
        assert {"answers_board", "answers_learner"} <= {i["name"] for i in inspector.get_indexes("answers")}
        with db.engine.connect() as c:
            assert c.scalar(sa.select(classdb.schema_version.c.version)) == len(classdb.MIGRATIONS) == 2
        assert db.find("cccc", now=T0).lesson == ""
        assert db.board("CCCC", ["q"])["q"] == [Tally("q", 1, 1, 1, [("A", 1, True)])]
        assert db.record("CCCC", lid(1), "q", 2, "A", True, now=T0)
        assert db.migrate() == 2  # nothing left to do
    finally:
        db.close()


def test_a_newer_database_is_left_alone(url):
    classdb.connect(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as c:
        c.execute(sa.update(classdb.schema_version).values(version=99))
    assert key_of(lambda: classdb.connect(url)) == "class.db_newer"
    assert url not in classdb._DBS
    with engine.connect() as c:
        assert c.scalar(sa.select(classdb.schema_version.c.version)) == 99
    assert set(sa.inspect(engine).get_table_names()) == TABLES
    engine.dispose()


@pytest.mark.parametrize("where", ["sqlite-missing-folder", "sqlite-read-only",
                                   pytest.param("postgres-closed-port", marks=POSTGRES)])
def test_database_down(where, tmp_path, request):
    if where == "sqlite-read-only":
        disk = request.getfixturevalue("small_disk")
        url = f"sqlite:///{disk.path / 'class.db'}"
        classdb.connect(url).close()
        disk.read_only()
    else:
        url = {"sqlite-missing-folder": f"sqlite:///{tmp_path / 'no-folder' / 'class.db'}",
               "postgres-closed-port": "postgresql+psycopg://postgres@127.0.0.1:9/postgres"}[where]
    began = time.monotonic()
    with pytest.raises(ClassError) as e:
        classdb.connect(url).start(now=T0)
    assert time.monotonic() - began < 5  # fast: a student's answer waits on it
    assert e.value.key == "class.db_down" and url not in classdb._DBS


@pytest.mark.parametrize("how", ["sqlite-disk-full", pytest.param("postgres-dropped", marks=POSTGRES)])
def test_database_down_while_in_use(how, request):
    if how == "sqlite-disk-full":
        disk = request.getfixturevalue("small_disk")
        url = f"sqlite:///{disk.path / 'class.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    db = classdb.connect(url)
    try:
        code = db.start(now=T0).code
        db.join(code, lid(1), now=T0)
        if how == "sqlite-disk-full":
            disk.fill()
        else:
            admin = sa.create_engine(request.getfixturevalue("postgres_server"), isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.exec_driver_sql(f"DROP DATABASE {url.rsplit('/', 1)[1]} WITH (FORCE)")
            admin.dispose()
        assert key_of(lambda: [db.record(code, lid(1), f"q{i}", 1, "A" * 64, True, now=T0)
                               for i in range(classdb.RATE)]) == "class.db_down"
    finally:
        db.close()


def test_connect_defaults_to_sqlite_in_aecore_home(monkeypatch, tmp_path):
    monkeypatch.delenv("AECORE_DB", raising=False)
    monkeypatch.setenv("AECORE_HOME", str(tmp_path / "home"))
    db = classdb.connect()
    try:
        assert db.url == f"sqlite:///{tmp_path / 'home' / 'class.db'}" and classdb.connect() is db
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == classdb.BUSY_MS
    finally:
        db.close()
