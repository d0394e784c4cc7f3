"""The house drawn from its imports: aecore's wings import one way with no cycles between its modules, streamlit
only in the ui, pages stay thin and never touch torch, and no module grows past ~400 lines without a reason
written here."""
import ast
import re

import pytest
from conftest import ROOT

# What each wing may import (itself included). pages -> ui -> app -> use -> learn -> shapes -> text; cli beside ui.
ALLOWED = {
    "text": {"text"},
    "shapes": {"shapes", "text"},
    "learn": {"learn", "shapes", "text"},
    "use": {"use", "learn", "shapes", "text"},
    "app": {"app", "use", "learn", "shapes", "text"},
    "ui": {"ui", "app", "use", "learn", "shapes", "text"},
    "cli": {"cli", "app", "use", "learn", "shapes", "text"},  # the load bench sets up a class in its database
    "": {"cli"},  # aecore/__init__.py, aecore/__main__.py
}
LONG_WITH_A_REASON = {
    "aecore/shapes/keras_rules.py": "one rule per Keras layer, with its checks and its 'why': a table, not logic",
}


STREAMLIT_WITH_A_REASON = {
    "aecore/cli/wire.py": "the load benchmark's clients speak the app's websocket protocol (streamlit.proto); it draws "
                          "nothing",
}


def modules():
    return sorted(p for p in (ROOT / "aecore").rglob("*.py"))


def wing(path) -> str:
    parts = path.relative_to(ROOT / "aecore").parts
    return parts[0] if len(parts) > 1 else ""


def imports(path) -> set[str]:
    """Every module name imported anywhere in the file (functions' own imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "aecore":
                names |= {f"aecore.{a.name}" for a in node.names}
    return names


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way(path):
    mine = wing(path)
    for name in imports(path):
        if name.startswith("aecore."):
            target = name.split(".")[1]
            assert target in ALLOWED[mine], f"{path.relative_to(ROOT)} ({mine or 'top'}) imports {name}"


def module_name(path) -> str:
    """aecore/ui/steps.py -> aecore.ui.steps; a package's __init__ is the package: aecore/ui/__init__.py -> aecore.ui."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """aecore's modules and the aecore modules each imports anywhere in its file (functions' own imports too).
    `from aecore.x import y` imports aecore.x.y when y is a module, else aecore.x (where y is defined or re-exported)."""
    names = {module_name(p): p for p in modules()}
    graph = {}
    for name, path in names.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.relative_to(ROOT)}: relative import"
                for a in node.names:  # a submodule by name, else a name defined in the module itself
                    found.add(f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in names else node.module)
        graph[name] = {n for n in found if n in names and n != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_cycles_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_import_cycles():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles (each line: modules that import each other, directly or round about):\n" + \
        "\n".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_streamlit_only_in_the_ui(path):
    if wing(path) != "ui" and str(path.relative_to(ROOT)) not in STREAMLIT_WITH_A_REASON:
        assert not any(n == "streamlit" or n.startswith("streamlit.") for n in imports(path)), path


UI_WITHOUT_STREAMLIT = {
    "aecore/ui/__init__.py": "the package's index: what pages call",
    "aecore/ui/viz.py": "the plotly figures the widgets draw, as pure functions (tested without a page)",
}


@pytest.mark.parametrize("path", sorted((ROOT / "aecore" / "ui").glob("*.py")), ids=lambda p: p.name)
def test_the_ui_only_draws(path):
    """aecore/ui holds widgets bound to the state; what draws nothing belongs in aecore/app (or lower)."""
    rel = str(path.relative_to(ROOT))
    assert "streamlit" in imports(path) or rel in UI_WITHOUT_STREAMLIT, f"{rel} draws nothing: move it to aecore/app"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_long_without_a_reason(path):
    rel = str(path.relative_to(ROOT))
    n = len(path.read_text().splitlines())
    assert n <= 420 or rel in LONG_WITH_A_REASON, f"{rel} has {n} lines: split it by concern, or say why here"


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_stay_thin(path):
    names = imports(path)
    assert not any(n == "torch" or n.startswith("torch.") for n in names), f"{path.name} imports torch"
    assert len(path.read_text().splitlines()) <= 200, f"{path.name}: move logic into aecore"


def test_the_core_imports_without_streamlit():
    """The core is usable without the web app: importing every non-ui module pulls in no streamlit."""
    import subprocess
    import sys
    code = ("import sys, importlib, pathlib\n"
            "for p in sorted(pathlib.Path('aecore').rglob('*.py')):\n"
            "    parts = p.with_suffix('').parts\n"
            "    if 'ui' in parts or parts[-1] == '__main__': continue\n"
            "    importlib.import_module('.'.join(parts[:-1] if parts[-1] == '__init__' else parts))\n"
            "print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "False"


# Imports sit at the top of a module (issue 17, item 3), in these folders and files (relative to the repository):
# the whole of aecore, the pages and app.py.
TOP_IMPORT_PACKAGES = ("aecore/learn", "aecore/use", "aecore/shapes", "aecore/cli", "aecore/text", "aecore/ui",
                       "aecore/app", "pages")
TOP_IMPORT_MODULES = ("aecore/__init__.py", "aecore/__main__.py", "app.py")
DEFERRED = re.compile(r"#\s*deferred:\s*\S")  # `# deferred: <the reason>`, on the import's own line(s)


def top_import_modules():
    found = [ROOT / m for m in TOP_IMPORT_MODULES]
    for package in TOP_IMPORT_PACKAGES:
        found += sorted((ROOT / package).rglob("*.py"))
    return found


def bare_imports(source: str) -> list[tuple[int, str]]:
    """(line, statement) of each import inside a function (methods and nested functions too) with no
    `# deferred: <reason>` comment on its lines."""
    lines = source.splitlines()
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for n in ast.walk(node):
                own = lines[n.lineno - 1:n.end_lineno] if isinstance(n, (ast.Import, ast.ImportFrom)) else None
                if own is not None and not any(DEFERRED.search(line) for line in own):
                    found[n.lineno] = ast.unparse(n)
    return sorted(found.items())


def test_bare_imports_finds_them():
    source = ("import os\n\n\ndef f():\n    import json\n    from re import (compile,\n                    sub)  "
              "# deferred: a reason\n\n    class A:\n        def g(self):\n            import csv  # deferred:\n"
              "            import io  # deferred: another reason\n    return json, os\n")
    assert bare_imports(source) == [(5, "import json"), (11, "import csv")]


@pytest.mark.parametrize("path", top_import_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_at_the_top(path):
    """An import inside a function saves nothing once its module is loaded, and hides what the module needs;
    one stays there only for a reason written on its line: `# deferred: <why>` (an optional extra such as ray,
    torch kept out of a light command or module, streamlit kept out of the core)."""
    bare = bare_imports(path.read_text())
    assert not bare, f"{path.relative_to(ROOT)}: imports inside functions; move them to the top, or say why on " \
        "the line with '# deferred: <reason>':\n" + "\n".join(f"  line {n}: {s}" for n, s in bare)
