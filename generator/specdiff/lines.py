"""Where a JSON pointer lands in a spec file: the line a CI annotation points at.

`SpecLines(entry)` maps finding locations (a pointer into the entry file, or `file#/pointer` into another
file of a multi-file spec, relative to the entry's directory) to `(path, line)`. A location the file does
not hold (something removed) lands on its deepest ancestor that is still there: the object that lost a
property, the operation that lost a parameter. Files are composed with PyYAML (JSON is YAML too), only
when an annotation needs them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.specdiff.pointer import split, split_location

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SpecLines:
    """Line numbers of locations in the files of one spec (the head, as checked out)."""

    def __init__(self, entry: Path) -> None:
        self.entry = entry
        self._roots: dict[str, yaml.Node | None] = {}

    def path(self, file: str) -> Path:
        """The path of a spec file (`""`: the entry)."""
        return self.entry if not file else self.entry.parent / file

    def _root(self, file: str) -> yaml.Node | None:
        if file not in self._roots:
            try:
                text = self.path(file).read_text(encoding="utf-8")
                self._roots[file] = yaml.compose(text, Loader=_Loader)
            except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
                self._roots[file] = None
        return self._roots[file]

    def locate(self, location: str) -> tuple[Path, int]:
        """The file and 1-based line of `location`, or of its deepest ancestor present (line 1 at worst)."""
        file, pointer = split_location(location)
        node = self._root(file)
        line = 1
        if node is None:
            return self.path(file), line
        line = node.start_mark.line + 1
        try:
            tokens = split(pointer)
        except ValueError:
            return self.path(file), line
        for token in tokens:
            found: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == token:
                        found, line = value, key.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
                found = node.value[int(token)]
                line = found.start_mark.line + 1
            if found is None:
                break
            node = found
        return self.path(file), line
