"""Model imports at module level: openapi-python-client imports referenced models lazily, on every parse.

Only models in one strongly connected component of the reference graph (recursive schemas) can form an
import cycle; every other import moves to the top of the generated module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from openapi_python_client.parser import GeneratorData

from .errors import GenerationError

_IMPORT = re.compile(r"^from \.\.models\.(?P<module>\w+) import (?P<name>\w+)$")


def hoist_model_imports(openapi: GeneratorData) -> None:
    """Import referenced models at module level, except along an import cycle.

    openapi-python-client imports every referenced model inside `from_dict` / `to_dict` (and under
    TYPE_CHECKING), in case two models refer to each other; that import statement then runs on every parse.
    Only models in one strongly connected component of the reference graph (recursive schemas) can form a
    cycle: those imports stay lazy, every other one moves to the top of the module.
    """
    names = {model.class_info.name for model in openapi.models}
    imported = {
        model.class_info.name: {line: _imported_name(line) for line in model.lazy_imports or set()}
        for model in openapi.models
    }
    component = _components({name: set(lines.values()) & names for name, lines in imported.items()})
    for model in openapi.models:
        own = component[model.class_info.name]
        lines = imported[model.class_info.name]
        hoisted = {line for line, target in lines.items() if component.get(target) != own}
        if hoisted:
            model.set_relative_imports({*(model.relative_imports or set()), *hoisted})
            model.set_lazy_imports({*(model.lazy_imports or set())} - hoisted)


def _imported_name(line: str) -> str:
    match = _IMPORT.match(line)
    if match is None:
        raise GenerationError(f"unexpected model import {line!r}: cannot tell whether it is cyclic")
    return match["name"]


def _components(graph: Mapping[str, set[str]]) -> dict[str, int]:
    """Strongly connected components of `graph` (Tarjan, iterative): node -> component number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    component: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                number = len(set(component.values()))
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = number
                    if member == node:
                        break
    return component
