"""`bench load --answerers`: the messages a class member's tab sends and what it keeps of the server's (no server)."""
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from aecore.cli import answer
from aecore.ui import learner


def _elements():
    out = []
    for kind, wid, form, submitter in [("button", "nav", "", False), ("text_input", "typed", answer.FORM, False),
                                       ("text_input", "other", "home.join", False),
                                       ("button", "send", answer.FORM, True)]:
        e = Element()
        getattr(e, kind).id = wid
        getattr(e, kind).form_id = form
        if kind == "button":
            e.button.is_form_submitter = submitter
        out.append(e)
    return out


def test_the_form_is_found_by_its_id():
    assert answer.form_ids(_elements()) == ("typed", "send")
    assert answer.form_ids(_elements()[:2]) is None  # no submit button: no form to send
    assert answer.form_ids(_elements(), form="home.join") is None


def test_a_submission_carries_the_value_and_the_trigger():
    msg = answer.submit_msg("typed", "send", "28, 28, 16", "hash1", "lang=en&step=2")
    run = msg.rerun_script
    assert (run.page_script_hash, run.query_string, run.fragment_id, run.page_name) == ("hash1", "lang=en&step=2", "",
                                                                                        "")
    typed, pressed = run.widget_states.widgets
    assert (typed.id, typed.WhichOneof("value"), typed.string_value) == ("typed", "string_value", "28, 28, 16")
    assert (pressed.id, pressed.WhichOneof("value"), pressed.trigger_value) == ("send", "trigger_value", True)


def test_a_poll_reruns_the_fragment_only():
    run = answer.poll_msg("frag", "hash1", "step=2").rerun_script
    assert (run.fragment_id, run.is_auto_rerun, run.page_script_hash, run.query_string) == ("frag", True, "hash1",
                                                                                             "step=2")
    assert not run.widget_states.widgets
    first = answer.first_msg().rerun_script
    assert (first.page_name, first.query_string, first.page_script_hash) == ("lesson_shapes", "step=2", "")


def test_answers_mix_right_and_wrong():
    got = answer.answers_for(10)
    assert got.count(answer.RIGHT) == 5 and len(set(got)) > 2
    assert answer.answers_for(10) == got  # seeded
    assert answer.COOKIE == learner.COOKIE


def _fwd(**kw):
    f = ForwardMsg()
    kind, value = next(iter(kw.items()))
    if kind == "auto_rerun":
        f.auto_rerun.fragment_id, f.auto_rerun.interval = value
    elif kind == "stop_auto_rerun":
        f.stop_auto_rerun.fragment_ids.extend(value)
    elif kind == "new_session":
        f.new_session.page_script_hash = value[0]
        f.metadata.run.fragment_ids.extend(value[1])
    elif kind == "page_info_changed":
        f.page_info_changed.query_string = value
    elif kind == "script_finished":
        f.script_finished = value
    elif kind == "element":
        f.delta.new_element.CopyFrom(value)
    return f


def test_the_tab_keeps_timers_hash_and_query_as_the_frontend_does():
    tab = answer.Tab()
    assert not tab.absorb(_fwd(new_session=("h1", [])), 100.0)
    assert not tab.absorb(_fwd(page_info_changed="lang=en&step=2"), 100.0)
    tab.absorb(_fwd(auto_rerun=("f1", 2.0)), 100.0)
    tab.absorb(_fwd(auto_rerun=("f2", 5.0)), 100.0)
    assert (tab.page_hash, tab.query, tab.timers) == ("h1", "lang=en&step=2", {"f1": [2.0, 102.0], "f2": [5.0, 105.0]})
    tab.absorb(_fwd(auto_rerun=("f1", 2.0)), 101.0)       # announced again: the timer goes on
    assert tab.timers["f1"] == [2.0, 102.0]
    tab.absorb(_fwd(stop_auto_rerun=["f2"]), 101.0)
    assert list(tab.timers) == ["f1"]
    tab.absorb(_fwd(new_session=("h1", ["f1"])), 102.0)   # a fragment run keeps the timers
    assert list(tab.timers) == ["f1"]
    assert not tab.absorb(_fwd(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN), 102.0)
    assert tab.absorb(_fwd(script_finished=ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY), 102.0)
    wait, boom = Element(), Element()
    wait.alert.icon, wait.alert.body = ":material/hourglass_top:", "Your answer is in."
    boom.exception.message = "boom"
    tab.absorb(_fwd(element=wait), 103.0)
    tab.absorb(_fwd(element=boom), 103.0)
    assert tab.waiting and tab.exceptions == 1 and len(tab.elements) == 2
    tab.absorb(_fwd(new_session=("h2", [])), 104.0)       # a full run: timers and elements start afresh
    assert (tab.timers, tab.elements, tab.page_hash) == ({}, [], "h2")
