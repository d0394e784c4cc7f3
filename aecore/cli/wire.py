"""The app's websocket protocol, as the load benchmark's clients speak it: a session's connection, the BackMsg a
browser tab sends, and the ForwardMsgs it reads. The one module outside aecore/ui that imports streamlit (its
protocol buffers, not its widgets), and only when a benchmark runs: streamlit stays out of the core's imports.

    ws = await connect(url, cookie="aecore_learner=...")
    await ws.send(back_msg(page_name="lesson_shapes", query_string="step=2").SerializeToString())
    forward = forward_msg(await ws.recv())
"""
from __future__ import annotations

import websockets


def connect(url: str, cookie: str = ""):
    """A websocket session with the app at ``url`` (http://host:port), as a browser tab opens one; ``cookie`` is
    what ``st.context.cookies`` then reads (websockets >= 14 takes it as ``additional_headers``)."""
    return websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                              max_size=None, open_timeout=60,
                              **({"additional_headers": {"Cookie": cookie}} if cookie else {}))


def back_msg(**rerun):
    """A ``rerun_script`` BackMsg with the given fields set (page_name, query_string, fragment_id, ...)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg  # deferred: streamlit stays out of the core (+0.3 s)
    msg = BackMsg()
    for name, value in rerun.items():
        setattr(msg.rerun_script, name, value)
    return msg


def forward_msg(data: bytes):
    """One ForwardMsg read from the server's bytes."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # deferred: streamlit stays out of the core (+0.3 s)
    forward = ForwardMsg()
    forward.ParseFromString(data)
    return forward
