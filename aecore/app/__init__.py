"""The app's state and rules, without streamlit: what the pages show and keep, tested in milliseconds.

    state     the session's one typed object: the Builder's stack, the Train form, each page's choices, lessons
    pages     the one page list: navigation, links, "open in the tool", the class view
    fields    the one table of the Train form's settings: widget, URL key, range, the controls a link may hide
    defaults  one default training config per (model, dataset, device kind)
    links     the URL <-> state codec, validated like any input
    guided    the guided lessons' images, models and verdict numbers, and what "open in the tool" sets

Imports aecore.use, .learn, .shapes and .text; aecore.ui draws it.
"""
