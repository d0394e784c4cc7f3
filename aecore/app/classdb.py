"""The class database: a teacher's classes, who joined them, and the students' answers (SQLAlchemy 2 Core).

SQLite in AECORE_HOME by default, any URL in AECORE_DB (PostgreSQL when several servers serve one class). No
personal data: a learner is a random token the UI makes, with an optional nickname. An answer is stored once per
(class, learner, question, round), also when two requests race (a UNIQUE key, INSERT ... ON CONFLICT DO NOTHING).
A failure is a ClassError, never a database traceback; its keys: class.unknown, .expired, .full, .not_joined,
.too_fast, .bad_value, .no_code, .db_down (answers are not recorded), .db_newer. Times are UTC; ``now`` is for tests.
The records, the rules for typed values and the gain arithmetic are in aecore.app.classrecords; the UI imports
them from here.
"""
from __future__ import annotations

import csv
import io
import os
import secrets
import threading
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Integer, MetaData, SmallInteger, String, Table,
                        UniqueConstraint, and_, case, create_engine, delete, event, func, or_, select, update)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from aecore.app.classrecords import (ALPHABET, ANSWER_LEN, CODE_LEN, LESSON_LEN, MODES, NICK_LEN, QUESTION_LEN,
                                     TITLE_LEN, ClassError, ClassInfo, Gain, StepState, Tally, aware, checked,
                                     class_gain, clean, code_of, gain_of, lesson_of, number, rows_of, utc,
                                     valid_learner, valid_question)
from aecore.learn import data

MAX_HOURS = 7 * 24                    # a class lives at most a week
MAX_LEARNERS = 1000
RATE = 30                             # answers per learner per rolling minute
KEEP_EXPIRED = timedelta(days=1)      # an expired class stays for the teacher's export, then start() deletes it
CONNECT_TIMEOUT = 3                   # seconds to reach a database server
BUSY_MS = 10_000                      # SQLite: how long a writer waits for another


# ---- schema ----------------------------------------------------------------------------------------------

def _schema(version: int) -> MetaData:
    """The tables as they are after migration ``version`` (1 or 2); migration 1 creates them as of version 1."""
    m = MetaData()

    def fk():
        return ForeignKey("classes.id", ondelete="CASCADE")

    def lesson():  # added by migration 2
        return [Column("lesson", String(LESSON_LEN), nullable=False, server_default="")] if version >= 2 else []
    Table("classes", m, Column("id", Integer, primary_key=True), Column("code", String(CODE_LEN), nullable=False,
          unique=True), Column("title", String(TITLE_LEN), nullable=False), Column("created", DateTime, nullable=False),
          Column("expires", DateTime, nullable=False), Column("max_learners", Integer, nullable=False), *lesson())
    Table("learners", m, Column("class_id", Integer, fk(), primary_key=True),
          Column("learner_id", String(64), primary_key=True), Column("nickname", String(NICK_LEN), nullable=False),
          Column("joined", DateTime, nullable=False))
    Table("answers", m, Column("id", Integer, primary_key=True), Column("class_id", Integer, fk(), nullable=False),
          Column("learner_id", String(64), nullable=False), Column("question", String(QUESTION_LEN), nullable=False),
          Column("round", SmallInteger, nullable=False), Column("answer", String(ANSWER_LEN), nullable=False),
          Column("correct", Boolean, nullable=True), Column("at", DateTime, nullable=False), *lesson(),
          UniqueConstraint("class_id", "learner_id", "question", "round", name="one_answer"))
    Table("steps", m, Column("class_id", Integer, fk(), primary_key=True),
          Column("question", String(QUESTION_LEN), primary_key=True), Column("mode", String(8), nullable=False),
          Column("round", SmallInteger, nullable=False))
    return m


def _m1(c):
    _schema(1).create_all(c)


def _m2(c):
    """The lesson a class is on (and on each answer, for spaced retrieval); indexes for the board and history."""
    for sql in ("ALTER TABLE classes ADD COLUMN lesson VARCHAR(64) DEFAULT '' NOT NULL",
                "ALTER TABLE answers ADD COLUMN lesson VARCHAR(64) DEFAULT '' NOT NULL",
                "CREATE INDEX answers_board ON answers (class_id, question, round)",
                "CREATE INDEX answers_learner ON answers (learner_id, at)"):
        c.exec_driver_sql(sql)


MIGRATIONS = [_m1, _m2]  # applied in order; never edit one that has shipped, append a new one
_T = _schema(len(MIGRATIONS)).tables
classes, learners, answers, steps = _T["classes"], _T["learners"], _T["answers"], _T["steps"]
schema_version = Table("schema_version", MetaData(), Column("version", Integer, nullable=False))


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LEN))


def _info(row) -> ClassInfo:
    return ClassInfo(row.id, row.code, row.title, aware(row.created), aware(row.expires), row.max_learners,
                     row.lesson)


# ---- the database ----------------------------------------------------------------------------------------

def _sqlite_connect(dbapi, record):
    dbapi.isolation_level = None  # SQLAlchemy says BEGIN (see _sqlite_begin), sqlite3 does not
    for pragma in ("foreign_keys=ON", f"busy_timeout={BUSY_MS}", "journal_mode=WAL", "synchronous=NORMAL"):
        dbapi.execute("PRAGMA " + pragma).close()


def _sqlite_begin(conn):
    # a writer takes the write lock at BEGIN: a read-then-write transaction never fails half-way on a busy database
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


class ClassDB:
    """One database of classes; use ``connect()``, which caches one per URL and migrates it."""

    def __init__(self, url: str):
        self.url = url
        try:
            backend = make_url(url).get_backend_name()
            if backend == "sqlite":
                self.engine = create_engine(url, connect_args={"timeout": BUSY_MS / 1000, "check_same_thread": False})
                event.listen(self.engine, "connect", _sqlite_connect)
                event.listen(self.engine, "begin", _sqlite_begin)
            elif backend == "postgresql":
                self.engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT}, pool_pre_ping=True)
            else:
                raise ClassError("class.db_down", reason=f"unsupported: {backend}")
            self._errors = (SQLAlchemyError, OSError, self.engine.dialect.loaded_dbapi.Error)
        except (SQLAlchemyError, ImportError) as e:
            raise ClassError("class.db_down", reason=type(e).__name__) from e
        self._insert = postgresql.insert if backend == "postgresql" else sqlite.insert

    @contextmanager
    def _tx(self, write: bool = False):
        """One short transaction; any database failure becomes ClassError('class.db_down')."""
        try:
            with self.engine.connect() as c:
                if write:
                    c.execution_options(write=True)
                with c.begin():
                    yield c
        except self._errors as e:
            raise ClassError("class.db_down", reason=type(e).__name__) from e

    def migrate(self, upto: int | None = None) -> int:
        """Apply the migrations this database lacks (up to ``upto``, default all) in one transaction; the version."""
        upto = len(MIGRATIONS) if upto is None else upto
        with self._tx(write=True) as c:
            if c.dialect.name == "postgresql":  # two servers starting at once migrate one after the other
                c.execute(select(func.pg_advisory_xact_lock(0xAEC0)))
            schema_version.create(c, checkfirst=True)
            have = c.scalar(select(func.max(schema_version.c.version))) or 0
            if have > len(MIGRATIONS):
                raise ClassError("class.db_newer", version=have, known=len(MIGRATIONS))
            for migration in MIGRATIONS[have:upto]:
                migration(c)
            if upto > have:
                c.execute(delete(schema_version))
                c.execute(schema_version.insert().values(version=upto))
            return max(have, upto)

    def close(self):
        """Forget this database (the next ``connect`` opens it afresh) and close its connections."""
        with _LOCK:
            if _DBS.get(self.url) is self:
                del _DBS[self.url]
        self.engine.dispose()

    def _class(self, c, code, now=None, live: bool = False, lock: bool = False):
        query = select(classes).where(classes.c.code == code_of(code))
        # PostgreSQL: FOR NO KEY UPDATE, so the class's answers (a foreign key to it) still insert meanwhile
        row = c.execute(query.with_for_update(key_share=True) if lock else query).first()
        if row is None:
            raise ClassError("class.unknown", code=code_of(code)[:8])
        if live and utc(now) >= row.expires:
            raise ClassError("class.expired", code=row.code)
        return row

    @staticmethod
    def _delete(c, ids):
        for t in (answers, steps, learners):
            c.execute(delete(t).where(t.c.class_id.in_(ids)))
        c.execute(delete(classes).where(classes.c.id.in_(ids)))

    def start(self, title: str = "", hours: float = 12.0, max_learners: int = 200, now=None) -> ClassInfo:
        """A new class with a fresh code; also deletes the classes that expired more than KEEP_EXPIRED ago."""
        now, hours = utc(now), number(hours, "hours", 1 / 60, MAX_HOURS)
        cap = int(number(max_learners, "max_learners", 1, MAX_LEARNERS))
        with self._tx(write=True) as c:
            self._delete(c, select(classes.c.id).where(classes.c.expires < now - KEEP_EXPIRED))
            for _ in range(50):
                row = c.execute(self._insert(classes).values(
                    code=_new_code(), title=clean(title, TITLE_LEN), created=now, expires=now + timedelta(hours=hours),
                    max_learners=cap, lesson="").on_conflict_do_nothing(index_elements=["code"])
                    .returning(*classes.c)).first()
                if row is not None:
                    return _info(row)
        raise ClassError("class.no_code")

    def find(self, code, now=None) -> ClassInfo:
        with self._tx() as c:
            return _info(self._class(c, code, now, live=True))

    def end(self, code) -> None:
        """Delete the class and every row of it (learners, answers, steps). An unknown code is no error."""
        with self._tx(write=True) as c:
            self._delete(c, select(classes.c.id).where(classes.c.code == code_of(code)))

    def set_lesson(self, code, lesson: str) -> None:
        with self._tx(write=True) as c:
            cls = self._class(c, code)
            c.execute(update(classes).where(classes.c.id == cls.id).values(lesson=clean(lesson, LESSON_LEN)))

    def join(self, code, learner_id: str, nickname: str = "", now=None) -> str:
        """Join a live class (again, after a reload: the same learner_id is one learner); the cleaned nickname."""
        lid, nick, now = valid_learner(learner_id), clean(nickname, NICK_LEN), utc(now)
        with self._tx(write=True) as c:
            cls = self._class(c, code, now, live=True, lock=True)  # joins of one class one at a time: never over max
            known = select(learners.c.learner_id).where(learners.c.class_id == cls.id, learners.c.learner_id == lid)
            if c.execute(known).first() is None and c.scalar(
                    select(func.count()).where(learners.c.class_id == cls.id)) >= cls.max_learners:
                raise ClassError("class.full", max=cls.max_learners)
            c.execute(self._insert(learners).values(class_id=cls.id, learner_id=lid, nickname=nick, joined=now)
                      .on_conflict_do_update(index_elements=["class_id", "learner_id"], set_={"nickname": nick}))
        return nick

    def learners(self, code) -> int:
        with self._tx() as c:
            cls = self._class(c, code)
            return c.scalar(select(func.count()).where(learners.c.class_id == cls.id))

    def record(self, code, learner_id: str, question: str, round: int, answer: str, right: bool | None,
               now=None) -> bool:
        """Store one answer; True when this call stored it, False when it was there already (a resend, a race).
        ``right`` None: not known yet (a held step whose result is not drawn before the reveal; see ``settle``)."""
        lid, question, now = valid_learner(learner_id), valid_question(question), utc(now)
        checked(round, "round", round in (1, 2) and not isinstance(round, bool))
        with self._tx(write=True) as c:
            cls = self._class(c, code, now, live=True)
            joined = and_(learners.c.class_id == cls.id, learners.c.learner_id == lid)
            if c.execute(select(learners.c.learner_id).where(joined)).first() is None:
                raise ClassError("class.not_joined", code=cls.code)
            recent = and_(answers.c.learner_id == lid, answers.c.at > now - timedelta(minutes=1))
            if c.scalar(select(func.count()).where(recent)) >= RATE:
                raise ClassError("class.too_fast", most=RATE)
            done = c.execute(self._insert(answers).values(
                class_id=cls.id, learner_id=lid, question=question, round=round, answer=clean(answer, ANSWER_LEN),
                correct=None if right is None else bool(right), at=now,
                lesson=lesson_of(question) or cls.lesson).on_conflict_do_nothing(
                index_elements=["class_id", "learner_id", "question", "round"]).returning(answers.c.id))
            return done.first() is not None  # (rowcount is -1 on psycopg)

    def settle(self, code, learner_id: str, question: str, round: int, right: bool) -> bool:
        """Say whether a stored answer whose verdict was not known yet is right; True when it changed one."""
        lid, question = valid_learner(learner_id), valid_question(question)
        with self._tx(write=True) as c:
            cls, a = self._class(c, code), answers.c
            done = c.execute(update(answers).where(a.class_id == cls.id, a.learner_id == lid, a.question == question,
                                                   a.round == round, a.correct.is_(None)).values(correct=bool(right)))
            return done.rowcount > 0

    def mine(self, code, learner_id: str, question: str) -> dict:
        """This learner's stored answers to a question: round -> (answer, right or None)."""
        lid, question, a = valid_learner(learner_id), valid_question(question), answers.c
        with self._tx() as c:
            cls = self._class(c, code)
            rows = c.execute(select(a.round, a.answer, a.correct).where(
                a.class_id == cls.id, a.learner_id == lid, a.question == question)).all()
        return {r: (answer, right) for r, answer, right in rows}

    def seat(self, learner_id: str, now=None) -> tuple | None:
        """(ClassInfo, nickname) of the live class this learner joined last, or None: a reload finds its class."""
        lid, now = valid_learner(learner_id), utc(now)
        with self._tx() as c:
            row = c.execute(select(classes, learners.c.nickname).join(learners, learners.c.class_id == classes.c.id)
                            .where(learners.c.learner_id == lid, classes.c.expires > now)
                            .order_by(learners.c.joined.desc()).limit(1)).first()
        return (_info(row), row.nickname) if row is not None else None

    def leave(self, code, learner_id: str) -> None:
        """The learner leaves the class (their answers stay on the board: they were given)."""
        lid = valid_learner(learner_id)
        with self._tx(write=True) as c:
            cls = self._class(c, code)
            c.execute(delete(learners).where(learners.c.class_id == cls.id, learners.c.learner_id == lid))

    def rounds_of(self, code, learner_id: str, questions: list[str]) -> dict[str, dict]:
        """This learner's stored answers to several questions in one query: question -> {round: (answer, right)}."""
        lid, qs, a = valid_learner(learner_id), [valid_question(q) for q in questions], answers.c
        out: dict[str, dict] = {q: {} for q in qs}
        with self._tx() as c:
            cls = self._class(c, code)
            for q, r, answer, right in c.execute(select(a.question, a.round, a.answer, a.correct).where(
                    a.class_id == cls.id, a.learner_id == lid, a.question.in_(qs))) if qs else ():
                out[q][r] = (answer, right)
        return out

    def live(self, now=None) -> list[ClassInfo]:
        """The classes not yet expired, newest first (a teacher's page after a reload picks its class again)."""
        with self._tx() as c:
            rows = c.execute(select(classes).where(classes.c.expires > utc(now)).order_by(classes.c.created.desc())
                             .limit(50)).all()
        return [_info(r) for r in rows]

    def step_states(self, code) -> dict[str, StepState]:
        """Every held or revealed step of the class: question -> StepState (the rest are 'open')."""
        with self._tx() as c:
            cls = self._class(c, code)
            rows = c.execute(select(steps.c.question, steps.c.mode, steps.c.round).where(steps.c.class_id == cls.id))
            return {q: StepState(mode, rnd) for q, mode, rnd in rows}

    def step_state(self, code, question: str) -> StepState:
        with self._tx() as c:
            cls = self._class(c, code)
            row = c.execute(select(steps.c.mode, steps.c.round).where(
                steps.c.class_id == cls.id, steps.c.question == valid_question(question))).first()
        return StepState(row.mode, row.round) if row else StepState()

    def set_step_state(self, code, question: str, mode: str) -> StepState:
        """'open' and 'vote' are round 1, 'revote' round 2; 'discuss' and 'reveal' keep the round they follow."""
        mode, question = checked(mode, "mode", mode in MODES), valid_question(question)
        with self._tx(write=True) as c:
            cls = self._class(c, code)
            before = c.scalar(select(steps.c.round).where(steps.c.class_id == cls.id, steps.c.question == question))
            state = StepState(mode, {"open": 1, "vote": 1, "revote": 2}.get(mode, before or 1))
            c.execute(self._insert(steps).values(class_id=cls.id, question=question, mode=mode, round=state.round)
                      .on_conflict_do_update(index_elements=["class_id", "question"],
                                             set_={"mode": mode, "round": state.round}))
        return state

    def board(self, code, questions: list[str]) -> dict[str, list[Tally]]:
        """Each question's tallies, one per round answered (round 1 first), in one aggregate query."""
        qs = [valid_question(q) for q in questions]
        out: dict[str, list[Tally]] = {q: [] for q in qs}
        a = answers.c
        with self._tx() as c:
            cls = self._class(c, code)
            rows = c.execute(select(a.question, a.round, a.answer, a.correct, func.count())
                             .where(a.class_id == cls.id, a.question.in_(qs))
                             .group_by(a.question, a.round, a.answer, a.correct)).all() if qs else []
        groups: dict[tuple, list] = {}
        for q, rnd, answer, right, n in rows:
            groups.setdefault((q, rnd), []).append((answer, n, right))
        for (q, rnd), items in sorted(groups.items()):
            merged: dict = {}  # an answer settled for some learners and pending for others: one row, right if any is
            for answer, n, right in items:
                count, was = merged.get(answer, (0, None))
                merged[answer] = (count + n, right if was is None else was)
            items = sorted(((a, n, r) for a, (n, r) in merged.items()), key=lambda x: (-x[1], x[0]))
            out[q].append(Tally(q, rnd, sum(x[1] for x in items), sum(n for _, n, r in rows_of(rows, q, rnd, True)),
                                items, sum(n for _, n, r in rows_of(rows, q, rnd, None))))
        return out

    def gain(self, code, questions: list[str]) -> list[Gain]:
        """Per concept question, among the learners who answered it before (round 1) and after (round 2): % right
        before and after and the normalized gain g. ``class_gain(gains)`` gives the class's gain over them all."""
        qs = [valid_question(q) for q in questions]
        pre, post = answers.alias("pre"), answers.alias("post")
        both = and_(post.c.class_id == pre.c.class_id, post.c.learner_id == pre.c.learner_id,
                    post.c.question == pre.c.question, post.c.round == 2)
        with self._tx() as c:
            cls = self._class(c, code)
            rows = c.execute(select(pre.c.question, func.count(), *(func.sum(case((t.c.correct, 1), else_=0))
                                                                    for t in (pre, post)))
                             .select_from(pre.join(post, both))
                             .where(pre.c.class_id == cls.id, pre.c.round == 1, pre.c.question.in_(qs))
                             .group_by(pre.c.question)).all() if qs else []
        found = {q: (n, 100 * before / n, 100 * after / n) for q, n, before, after in rows}
        return [gain_of(q, *found.get(q, (0, 0.0, 0.0))) for q in qs]

    def gain_csv(self, code, questions: list[str]) -> str:
        """The gains as CSV (question, n, pre %, post %, g), with the class's gain last as the question '(all)'."""
        gains, out = self.gain(code, questions), io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([["question", "n", "pre %", "post %", "g"]] + [
            [x.question, x.n, f"{x.pre_pct:.1f}", f"{x.post_pct:.1f}", "" if x.g is None else f"{x.g:.3f}"]
            for x in [*gains, class_gain(gains)]])
        return out.getvalue()

    def history(self, learner_id: str, now=None, limit: int = 3, exclude_lesson: str = "") -> list[tuple]:
        """For spaced retrieval: (question, answer, right, when) of the learner's earlier answers in any class,
        from an earlier day (UTC) or from another lesson than ``exclude_lesson``; one per question (the latest
        answer to it), the ``limit`` oldest, oldest first."""
        lid, now, limit, a = valid_learner(learner_id), utc(now), int(number(limit, "limit", 0, 50)), answers.c
        earlier = or_(a.at < now.replace(hour=0, minute=0, second=0, microsecond=0),
                      a.lesson != clean(exclude_lesson, LESSON_LEN))
        with self._tx() as c:
            rows = c.execute(select(a.question, a.answer, a.correct, a.at).where(a.learner_id == lid, a.at <= now,
                             earlier).order_by(a.at.desc(), a.id.desc()).limit(1000)).all()
        latest: dict[str, tuple] = {}
        for q, answer, right, at in rows:
            latest.setdefault(q, (q, answer, bool(right), aware(at)))
        return sorted(latest.values(), key=lambda x: x[3])[:limit]


_DBS: dict[str, ClassDB] = {}
_LOCK = threading.Lock()


def connect(url: str | None = None) -> ClassDB:
    """The class database at ``url``, else $AECORE_DB, else SQLite in AECORE_HOME; one per URL, migrated on first
    use. ClassError('class.db_down') when it cannot be reached, ('class.db_newer') when newer than this code."""
    url = url or os.environ.get("AECORE_DB")
    if not url:
        try:
            data.home().mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ClassError("class.db_down", reason=type(e).__name__) from e
        url = f"sqlite:///{data.home() / 'class.db'}"
    with _LOCK:
        if url not in _DBS:
            db = ClassDB(url)
            try:
                db.migrate()
            except ClassError:
                db.engine.dispose()
                raise
            _DBS[url] = db
        return _DBS[url]
