"""A real PostgreSQL server for the tests (Debian's ``postgresql`` package, binaries in /usr/lib/postgresql/*/bin):
one per test process on a free local port, a fresh database per test. PostgreSQL refuses to run as root, so as
root the server runs as the ``postgres`` user (``runuser``). When PostgreSQL is missing the tests that need it
fail, never skip: CI installs it (README, "Run the tests")."""
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

_databases = itertools.count()


def _program(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    found = found[-1] if found else shutil.which(name)
    if not found:
        pytest.fail(f"PostgreSQL's {name} is missing: apt-get install -y postgresql", pytrace=False)
    return found


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of this test process's own PostgreSQL server (trust auth on 127.0.0.1), stopped at the end."""
    initdb, pg_ctl = _program("initdb"), _program("pg_ctl")
    top = tempfile.mkdtemp(prefix="aecore-pg-")  # in /tmp: pytest's own temp folder is closed to other users
    data, log = f"{top}/data", f"{top}/server.log"
    try:
        if os.geteuid() == 0:
            shutil.chown(top, "postgres")
        made = subprocess.run(_as_postgres([initdb, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                                            "--locale=C", "--no-sync"]), capture_output=True, text=True)
        if made.returncode:
            pytest.fail(f"initdb failed: {made.stderr[-2000:]}", pytrace=False)
        for _ in range(5):  # the other test process may take the free port first
            port = _free_port()
            options = (f"-p {port} -k {top} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off")
            started = subprocess.run(_as_postgres([pg_ctl, "-D", data, "-l", log, "-w", "-t", "60", "-o", options,
                                                   "start"]), capture_output=True, text=True)
            if started.returncode == 0:
                break
        else:
            pytest.fail(f"PostgreSQL did not start: {started.stderr}\n{Path(log).read_text()[-2000:]}",
                        pytrace=False)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if os.path.exists(f"{data}/postmaster.pid"):
            subprocess.run(_as_postgres([pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"]), capture_output=True)
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A SQLAlchemy URL of a new, empty database on the server, dropped after the test."""
    import sqlalchemy  # deferred: only the PostgreSQL tests need it
    name = f"test_{next(_databases)}"
    admin = sqlalchemy.create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.exec_driver_sql(f"CREATE DATABASE {name}")
        yield postgres_server.rsplit("/", 1)[0] + "/" + name
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        admin.dispose()
