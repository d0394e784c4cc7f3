"""AppTest: the Train page trains, shows progress, then the result; the cache answers next; settings belong to
their dataset and survive leaving the page; Stop says what happened and offers Continue or Keep; the doctor."""
import json
import re

import pytest
from apptest import clean_caches, ok, read, session  # noqa: F401 - clean_caches: a fixture, used below
from conftest import ROOT
from streamlit.testing.v1 import AppTest

APP, TRAIN = str(ROOT / "app.py"), str(ROOT / "pages" / "train.py")
GO = "FormSubmitter:train.form-Train"
pytestmark = pytest.mark.usefixtures("clean_caches")  # every test starts with empty caches


def page():
    return ok(AppTest.from_file(TRAIN, default_timeout=90).run())


def submit(at):
    return ok(at.button(key=GO).click().run())


def finish(at):
    """Wait for this session's job, then rerun the page."""
    job = session(at).train.job
    job.join(300)
    return ok(at.run())


def reload(at):
    """The same address in a new session, as a reloaded tab (or the learner's next visit) opens it."""
    again = AppTest.from_file(TRAIN, default_timeout=90)
    again.query_params.update({k: at.query_params[k] for k in at.query_params})
    return ok(again.run())


def form(at) -> tuple:
    return (at.slider(key="train.epochs").value, at.select_slider(key="train.batch").value,
            at.select_slider(key="train.lr").value)


def test_train_shows_progress_then_the_result_then_the_cache():
    at = page()
    assert "press Train" in at.info[0].value
    at.slider(key="train.epochs").set_value(3)
    submit(at)
    job = session(at).train.job
    assert len(at.get("progress")) == 1 and at.button(key="train.stop")  # the live view, with its Stop button
    job.join(120)
    assert job.snapshot().phase == "done"
    ok(at.run())
    assert at.success[0].value.startswith("Trained in")
    assert len(at.get("image")) == 1  # originals over reconstructions
    assert any("Device: **CPU**" in c.value and "Training images: **1,437**" in c.value for c in at.caption)
    submit(at)  # the same settings again in this session: no second job
    assert session(at).train.job is job
    other = page()  # another learner, the same settings: straight from the cache, nothing trains
    other.slider(key="train.epochs").set_value(3)
    submit(other)
    assert session(other).train.job is None
    assert other.success[0].value.startswith("Already trained with these settings (kept in memory)")
    reloaded = reload(at)
    assert reloaded.success[0].value.startswith("Already trained with these settings")  # the result, not the form
    assert session(reloaded).train.config == session(at).train.config and session(reloaded).train.job is None


def builder_stack(at, stack, shape=(28, 28, 1), dialect="keras"):
    session(at).builder.load(stack, shape, dialect, "pasted")


def test_a_builder_stack_that_does_not_reconstruct_is_refused_with_a_link():
    at = page()
    builder_stack(at, [{"type": "Flatten"}, {"type": "Dense", "units": 10}])
    at.selectbox(key="train.model").select("custom").run()
    submit(at)
    assert "is not its input" in read(at.error[0])
    assert any("Layer Builder" in m.value for m in at.markdown)  # a link back, plain when the page runs alone


def test_a_good_builder_stack_trains():
    stack = [{"type": "Flatten"}, {"type": "Dense", "units": 16, "activation": "relu"},
             {"type": "Dense", "units": 784, "activation": "sigmoid"}, {"type": "Reshape", "target_shape": [28, 28, 1]}]
    at = page()
    builder_stack(at, stack)
    at.selectbox(key="train.model").select("custom").run()
    at.slider(key="train.epochs").set_value(1)
    submit(at)
    job = session(at).train.job
    job.join(120)
    assert job.snapshot().phase == "done" and json.loads(job.config.stack) == stack


def test_no_stack_yet_points_to_the_builder():
    at = page()
    session(at).builder.load_choice("empty-keras")
    at.selectbox(key="train.model").select("custom").run()
    assert "Build a stack in the Layer Builder first" in ok(at).info[0].value


def test_settings_belong_to_their_dataset():
    """MNIST (no network here) then Digits: the form shows Digits' settings, not MNIST's quick ones."""
    at = page()
    digits = form(at)
    assert digits == (10, 32, 0.003)
    at.selectbox(key="train.dataset").select("mnist").run()
    assert form(ok(at)) == (3, 128, 0.001)
    at.selectbox(key="train.dataset").select("digits").run()
    assert form(ok(at)) == digits


def test_form_values_survive_another_page():
    at = ok(AppTest.from_file(APP, default_timeout=90).run())
    at.switch_page("pages/train.py").run()
    at.slider(key="train.epochs").set_value(7)
    at.select_slider(key="train.batch").set_value(64)
    at.number_input(key="train.seed").set_value(5)
    submit(at)
    finish(at)
    at.switch_page("pages/home.py").run()
    at.switch_page("pages/train.py").run()
    ok(at)
    assert form(at) == (7, 64, 0.003) and at.number_input(key="train.seed").value == 5
    assert at.success[0].value.startswith("Trained in") and not any("last run" in c.value for c in at.caption)


def wait_for_steps(job, steps: int = 3):
    """Until the job reports that many steps taken in all (so that there is a model to keep)."""
    import time
    deadline = time.time() + 120

    def done(snap):
        return snap.phase == "training" and (snap.epoch - 1) * snap.steps + snap.step >= steps
    while not done(job.snapshot()) and job.running and time.time() < deadline:
        time.sleep(0.05)


def test_stop_says_what_happened_then_continue_finishes():
    at = page()
    at.slider(key="train.epochs").set_value(100)
    submit(at)
    wait_for_steps(session(at).train.job)
    at.button(key="train.stop").click().run()
    job = finish(at) and session(at).train.job
    assert job.result is not None and job.result.stopped
    text = " ".join(read(w) for w in at.warning)
    assert re.search(r"Stopped (in epoch \d+ of 100, after step \d+|after \d+ of 100 epochs)", text)
    assert "not kept" in text and not at.success  # never "trained and kept"
    assert at.button(key="train.continue") and at.button(key="train.keep")
    reloaded = reload(at)  # a reload finds the stopped run, with its two ways on (not the empty form)
    assert session(reloaded).train.job.id == job.id and reloaded.button(key="train.continue")
    assert "not kept" in " ".join(read(w) for w in reloaded.warning) and "server" not in read(reloaded.warning[0])
    at.button(key="train.continue").click().run()
    job = session(ok(at)).train.job
    assert job.running or job.result is not None
    wait_for_steps(job, job.snapshot().steps * job.snapshot().epoch + 3)  # a few steps more
    job.stop()  # (a hundred epochs is long for a test: stop again, and keep this time)
    finish(at)
    newer = session(reload(at)).train.job  # the continued run, stopped again: the newest stop is found
    assert newer.id == job.id != session(reloaded).train.job.id
    at.button(key="train.keep").click().run()
    ok(at)
    kept = session(at).train.config
    assert kept.stop_at > 0 and at.success[0].value.startswith("Kept as it was when stopped")
    assert f"after {kept.stop_at} steps" in at.success[0].value


def test_a_run_its_server_stopped_is_offered_to_continue_after_the_restart():
    """A worker whose server went away stops its run as Stop does and says so (tests/test_workers.py kills a
    server to see it); the learner's reload after the restart reads that, with Continue."""
    at = page()
    at.slider(key="train.epochs").set_value(100)
    submit(at)
    job = session(at).train.job
    wait_for_steps(job)
    job.files.request_stop("server")  # what the worker's watcher writes when its server has gone
    assert job.join(60) and job.phase == "stopped"
    reloaded = reload(at)
    text = " ".join(read(w) for w in reloaded.warning)
    assert text.startswith("This training stopped when the server restarted") and "not kept" in text
    assert reloaded.button(key="train.continue") and session(reloaded).train.job.id == job.id


def test_an_unreachable_dataset_says_so_plainly_and_offers_an_offline_set():
    at = page()
    at.selectbox(key="train.dataset").select("mnist").run()
    submit(at)
    finish(at)
    message = read(at.error[0])
    assert message.startswith("MNIST could not be downloaded") or message.startswith("MNIST is not")
    assert "Errno" not in message and "ihc" not in message and "Stained tissue" in message
    at.button(key="offline.digits").click().run()
    ok(at)
    assert session(at).train.dataset == "digits" and at.selectbox(key="train.dataset").value == "digits"
    assert form(at) == (10, 32, 0.003)


def test_the_doctor_finds_a_collapsed_model_and_its_cure_goes_into_the_form():
    at = page()
    at.slider(key="train.epochs").set_value(3)
    at.select_slider(key="train.batch").set_value(128)
    at.select_slider(key="train.lr").set_value(0.001)
    submit(at)
    finish(at)
    text = " ".join(m.value for m in at.markdown)
    assert "did not learn the images" in text and "36 updates" in text and "even worse than" in text
    assert not at.success and at.warning[0].value.endswith("But it did not learn the images: see the training "
                                                           "doctor below.")
    at.button(key="train.doctor_apply").click().run()
    ok(at)
    assert form(at) == (14, 32, 0.001)
    assert any("suggested settings are in the form" in i.value for i in at.info)
    submit(at)
    finish(at)
    assert "did not learn the images" not in " ".join(m.value for m in at.markdown)


def test_a_model_file_goes_home_and_comes_back_and_a_bad_one_changes_nothing():
    at = page()
    at.slider(key="train.epochs").set_value(1)
    submit(at)
    finish(at)
    trained = session(at).train.config
    assert at.get("download_button")  # (its bytes are served by URL; they are what pack() makes of the model)
    from aecore.learn import store
    from aecore.learn.modelfile import pack
    blob = pack(store.load(trained))
    fresh = page()  # another learner, another session: nothing trained yet
    fresh.file_uploader(key="train.upload").upload("evil.zip", b"not a zip", "application/zip").run()
    assert "not a model file" in read(ok(fresh).error[0]) and "Nothing was changed" in read(fresh.error[0])
    assert session(fresh).train.config is None
    fresh.file_uploader(key="train.upload").upload("model.zip", blob, "application/zip").run()
    assert session(ok(fresh)).train.config == trained
    assert any("Loaded" in read(s) for s in fresh.success)
    assert any(read(s).startswith("Already trained") for s in fresh.success)  # shown like any kept model


def test_a_disk_that_cannot_be_written_is_said_in_words(tmp_path, monkeypatch):
    """AECORE_HOME where no folder can be made (a read-only or full disk behaves the same for the app): pressing
    Train says what could not be written, where and why; no exception page, nothing queued."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the app's folder should be")
    at = page()
    monkeypatch.setenv("AECORE_HOME", str(blocked))
    at.slider(key="train.epochs").set_value(2)
    submit(at)
    message = read(at.error[0])
    assert message.startswith("Could not write this training's folder in ") and str(blocked) in message
    assert "Nothing was changed" in message and session(at).train.job is None


def test_cannot_write_names_a_full_and_a_read_only_disk():
    import errno

    from aecore.learn.disk import cannot_write
    full = str(cannot_write("disk.what_model", "/srv/models", OSError(errno.ENOSPC, "No space left on device")))
    assert full == ("Could not write the trained model in /srv/models: the disk is full. Nothing was changed; "
                    "whoever runs this server can free space there or make the folder writable.")
    assert "the disk is read-only" in str(cannot_write("disk.what_run", "/x", OSError(errno.EROFS, "Read-only")))
