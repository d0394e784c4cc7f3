"""A write the app could not make, in a learner's words: what, where and why (a full disk, a read-only one, a
folder the app may not write to). Every writer uses it: run folders, the model store, model files brought
back, dataset downloads, the learners' records.

    try: ...write...
    except OSError as e:
        if e.errno in WRITE_ERRORS: raise cannot_write("disk.what_data", folder, e) from None
"""
from __future__ import annotations

import errno

from aecore.text import t

WRITE_ERRORS = {errno.ENOSPC: "disk.full", errno.EDQUOT: "disk.full", errno.EROFS: "disk.read_only",
                errno.EACCES: "disk.denied"}


class CannotWrite(OSError):
    """A file the app needed could not be written; the message says what, where and why, in the learner's
    language, and that nothing was changed."""


def cannot_write(what: str, where, e: OSError) -> CannotWrite:
    """``what``: a text key (disk.what_run, disk.what_model, disk.what_data, disk.what_progress); ``where``: the
    folder or store."""
    if isinstance(e, CannotWrite):
        return e  # said once already
    why = WRITE_ERRORS.get(e.errno)
    error = CannotWrite(t("disk.cannot_write", what=t(what), where=str(where),
                          why=t(why) if why else (e.strerror or type(e).__name__)))
    error.errno = e.errno  # the sentence is the message; the cause stays readable
    return error
