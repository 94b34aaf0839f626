"""The generator's modules import one another without a circle (read from the source with `ast`).

A circle means two modules cannot be understood, tested or moved apart; each of the two the generator had
came from a module keeping its command-line `main()` beside its library code. Every import counts, the ones
inside functions too: a lazy import still ties the two modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[2] / "generator"


def module_name(path: Path, root: Path) -> str:
    """`generator/codegen/generate.py` -> `generator.codegen.generate` (a package is its `__init__`)."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path, modules: set[str]) -> set[str]:
    """The generator modules `path` imports: for `from a import b`, `a.b` when that is a module, else `a`."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in modules else base)
    return {target for target in found if target in modules and target != name}


def import_graph(root: Path = GENERATOR) -> dict[str, set[str]]:
    """Module -> the generator modules it imports."""
    paths = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    return {name: imported_modules(path, root, set(paths)) for name, path in paths.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected component of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_generator_has_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_the_graph_sees_relative_lazy_and_package_imports(tmp_path: Path) -> None:
    package = tmp_path / "generator"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "inner" / "a.py").write_text("def f() -> None:\n    from . import b\n")
    (package / "inner" / "b.py").write_text("from generator.inner.c import thing\n")
    (package / "inner" / "c.py").write_text("from ..inner import a\nthing = 1\n")
    graph = import_graph(package)
    assert graph["generator.inner.a"] == {"generator.inner.b"}
    assert cycles(graph) == [["generator.inner.a", "generator.inner.b", "generator.inner.c"]]
