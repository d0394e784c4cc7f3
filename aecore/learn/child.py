"""A helper process the server talks to on its stdin, a line a message (a training worker, the Ray bridge): how
it is ended. Closing its stdin tells it to finish and exit; one that does not within the time is killed."""
from __future__ import annotations

import subprocess


def close(proc: subprocess.Popen, seconds: float) -> None:
    try:
        proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
