"""The house rules a newcomer relies on: no import cycles, small modules, one map of extensions."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "bilingual"
MAX_LINES = 450


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module of ours *path* imports, at module level or inside a function (both run: a lazy
    import only moves the cycle to call time). ``if TYPE_CHECKING:`` blocks never run and do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(sub)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for sub in ast.walk(node)
    }
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = set()
    for sub in ast.walk(tree):
        if id(sub) in skipped:
            continue
        if isinstance(sub, ast.Import):
            found.update(a.name for a in sub.names if a.name.startswith("bilingual"))
        elif isinstance(sub, ast.ImportFrom):
            module = sub.module or ""
            if sub.level:
                base = package.split(".")[: len(package.split(".")) - (sub.level - 1)]
                module = ".".join([*base, module] if module else base)
            if module.startswith("bilingual"):
                found.add(module)
                found.update(f"{module}.{a.name}" for a in sub.names)
    return found


def test_no_import_cycle():
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join([*stack[stack.index(nxt) :], nxt]))
            if nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_no_module_over_450_lines():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert text.count("\n") <= MAX_LINES, f"{path} has {text.count(chr(10))} lines"


def test_only_the_registry_maps_extensions():
    """Extensions are declared by format classes; no other module keeps a table of them."""
    pattern = re.compile(r"""["']\.(txt|md|html|xlf|xliff|tmx|po|tbx|csv|tsv|docx|pdf)["'][ \t]*:[ \t]*\S""")
    offenders = [str(p) for p in PACKAGE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_docs_architecture_names_every_folder():
    doc = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for folder in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        assert f"`{folder.name}/`" in doc, folder.name
    for module in sorted(p for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")):
        assert f"`{module.name}`" in doc, module.name


def test_the_command_line_only_calls_use_cases():
    """cli/ turns arguments into requests and results into lines: it reaches no stage of the pipeline."""
    forbidden = (
        "bilingual.translation",
        "bilingual.memory",
        "bilingual.names",
        "bilingual.discovery",
        "bilingual.engines.argos",
    )
    for path in (PACKAGE / "cli").glob("*.py"):
        reached = sorted(m for m in _imports(path) if m.startswith(forbidden))
        assert reached == [], f"{path.name} imports {reached}"


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else module


def test_no_two_packages_import_each_other():
    """Packages form layers (docs/architecture.md): desk ↔ jobs, desk ↔ serve, jobs ↔ serve and
    memory ↔ translation were two-way before the writer and the server's start-up moved, formats ↔ names
    before the glossary's PO codec moved into names."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges = {
        (_package(name), _package(m))
        for name, path in modules.items()
        for m in _imports(path)
        if m in modules and _package(name) != _package(m)
    }
    two_way = {tuple(sorted(e)) for e in edges if (e[1], e[0]) in edges}
    assert not two_way, sorted(two_way)


def test_requests_carry_only_what_the_user_asked():
    """Where the glossary, the memory and the engine are is the workspace's business, not a request's."""
    shared = {"glossary", "memory", "use_memory", "engine", "engine_options", "folder", "download", "index"}
    found = []
    for path in sorted((PACKAGE / "jobs").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Request"):
                fields = {
                    s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                }
                found += [f"{path.name}:{node.name}.{name}" for name in sorted(fields & shared)]
    assert found == []
