"""Reading specs: from a file, or from `git show <ref>:<path>` for the base of a comparison.

A spec may be split over several files: the entry document `$ref`s relative files. Each loaded spec
carries a loader for those files (read from the same directory, or from the same git revision), which
the comparison calls when it follows such a ref.

A spec may come from a pull request, so nothing in it may make the reader open a file of the machine:
every `$ref` of every file read must name a file inside the *ref root* (the entry's directory, or an
explicit `ref_root`). A URL, an absolute path, or a relative path that leaves the root (`../../x`, a
symlink out) is a `SpecSourceError` naming the ref, raised before anything is followed; never a silently
unresolved schema. Parsing is bounded too: a YAML alias bomb ("billion laughs"), a recursive alias or a
document nested deeper than `MAX_DEPTH` is refused in about the time it takes to parse the text.
`python -m generator lint` reads specs through `read_file` for the same guarantees.
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.specdiff import fastyaml
from generator.specdiff.pointer import escape, ref_location, split_location

try:  # libyaml is several times faster on a large spec
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment,unused-ignore]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def _load_yaml(text: str) -> Any:
    """YAML read by rapidyaml when it builds what PyYAML builds (see `fastyaml`: ~4x faster), else PyYAML."""
    data = fastyaml.load(text)
    return yaml.load(text, Loader=_Loader) if data is fastyaml.DECLINED else data


class SpecSourceError(Exception):
    """A spec could not be read, is not an OpenAPI 3.x document, or refers to something outside its root."""


class SpecParseError(SpecSourceError):
    """The text is neither YAML nor JSON; `reason` is the parser's own message."""

    def __init__(self, label: str, reason: str) -> None:
        super().__init__(f"{label}: cannot parse: {' '.join(reason.split())}")  # one line
        self.reason = reason


#: Nodes a YAML document may grow to through its aliases: this many times its own size ...
MAX_ALIAS_GROWTH = 10
#: ... or this many nodes, whichever is larger (a few shared blocks in a small file are fine).
MIN_ALIAS_BUDGET = 100_000
#: Deepest nesting accepted: real specs stay under 50 levels; the readers of a spec recurse over it.
MAX_DEPTH = 200
# A URI scheme (RFC 3986): `https:`, `file:`, `data:` ... a `$ref` with one is never followed.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SHOWN = 200
# Exact types, not isinstance: the scan below runs once per value of a multi-megabyte spec.
_CONTAINERS = frozenset({dict, list})


@dataclass(frozen=True, slots=True)
class LoadedSpec:
    """A parsed spec and where it came from (for the report)."""

    data: dict[str, Any]
    label: str
    files: Callable[[str], Any] | None = None
    entry: str = ""


def parse_document(text: str, label: str) -> Any:
    """Parse YAML or JSON text of any shape, refusing what would make its readers hang or crash.

    `SpecParseError` when the text does not parse; `SpecSourceError` for an alias bomb, a recursive alias or
    nesting deeper than `MAX_DEPTH`.
    """
    return _parse(text, label)[0]


def _parse(text: str, label: str) -> tuple[Any, list[str]]:
    """`parse_document`, and the document's `$ref` strings found by the same pass."""
    is_json = text.lstrip().startswith(("{", "["))
    try:
        data = json.loads(text) if is_json else _load_yaml(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise SpecParseError(label, str(exc)) from exc
    except RecursionError:
        raise SpecSourceError(f"{label}: nested deeper than {MAX_DEPTH} levels") from None
    return data, _scan(data, label, shared=not is_json)  # only YAML can share a node (an alias)


def parse_spec(text: str, label: str) -> LoadedSpec:
    """Parse YAML or JSON text and check that it is an OpenAPI 3.x document."""
    return _parse_spec(text, label)[0]


def _parse_spec(text: str, label: str) -> tuple[LoadedSpec, list[str]]:
    data, refs = _parse(text, label)
    if not isinstance(data, dict):
        raise SpecSourceError(f"{label}: not a mapping")
    version = str(data.get("openapi", ""))
    if not version.startswith("3."):
        raise SpecSourceError(f"{label}: not an OpenAPI 3.x document (openapi: {version or 'missing'})")
    return LoadedSpec(data, label), refs


def parse_part(text: str, label: str = "part") -> Any:
    """Parse one file of a multi-file spec (YAML or JSON, any shape); None when it cannot be parsed.

    An alias bomb or a document nested too deeply is still a `SpecSourceError`, not None.
    """
    return _parse_part(text, label)[0]


def _parse_part(text: str, label: str) -> tuple[Any, list[str]]:
    try:
        return _parse(text, label)
    except SpecParseError:
        return None, []


def _scan(data: Any, label: str, shared: bool) -> list[str]:
    """The `$ref` strings of a parsed document; refuses nesting deeper than `MAX_DEPTH`.

    Breadth-first, one level at a time, no per-node bookkeeping for a tree (about 60 ms for a 3.4 MB JSON
    spec). With `shared` (YAML), a node reached twice is walked once; if any is, aliases are present and
    `_check_aliases` measures what they expand to.
    """
    refs: list[str] = []
    level = [data] if type(data) in _CONTAINERS else []
    seen: set[int] = {id(data)}
    repeated = False
    depth = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            raise SpecSourceError(f"{label}: nested deeper than {MAX_DEPTH} levels")
        below: list[Any] = []
        keep = below.append
        for node in level:
            if type(node) is dict:
                ref = node.get("$ref")
                if type(ref) is str:
                    refs.append(ref)
                children: Iterable[Any] = node.values()
            else:
                children = node
            for child in children:
                if type(child) in _CONTAINERS:
                    keep(child)
        if shared:
            distinct = []
            for child in below:
                if id(child) in seen:
                    repeated = True
                else:
                    seen.add(id(child))
                    distinct.append(child)
            below = distinct
        level = below
    if repeated:
        _check_aliases(data, label)
    return refs


def _check_aliases(data: Any, label: str) -> None:
    """Refuse a recursive alias, an alias bomb, or aliases nesting deeper than `MAX_DEPTH` once expanded.

    Post-order over the distinct containers, iterative; a node's expanded size and height are computed once
    and reused wherever an alias repeats it, so a "billion laughs" costs what its text costs.
    """
    size: dict[int, int] = {}  # id -> nodes of the fully expanded subtree (containers and scalars)
    height: dict[int, int] = {}
    distinct = 0  # nodes as written: each container once, with its direct children
    on_path: set[int] = {id(data)}
    stack: list[tuple[Any, Iterator[Any]]] = [(data, _children(data))]
    while stack:
        node, pending = stack[-1]
        for child in pending:
            if not isinstance(child, dict | list) or id(child) in size:
                continue
            if id(child) in on_path:
                raise SpecSourceError(f"{label}: a YAML alias refers to a node that contains it (recursive)")
            on_path.add(id(child))
            stack.append((child, _children(child)))
            break
        else:
            stack.pop()
            on_path.discard(id(node))
            children = list(_children(node))
            distinct += 1 + len(children)
            size[id(node)] = 1 + sum(size.get(id(c), 1) for c in children)
            height[id(node)] = 1 + max((height.get(id(c), 0) for c in children), default=0)
            if height[id(node)] > MAX_DEPTH:
                raise SpecSourceError(f"{label}: nested deeper than {MAX_DEPTH} levels (through aliases)")
    budget = max(MAX_ALIAS_GROWTH * distinct, MIN_ALIAS_BUDGET)
    if size[id(data)] > budget:
        raise SpecSourceError(
            f"{label}: YAML aliases expand {distinct:,} nodes to {size[id(data)]:,} (more than "
            f"{budget:,}): refused as an alias bomb"
        )


def _children(node: Any) -> Iterator[Any]:
    return iter(node.values()) if isinstance(node, dict) else iter(node)


# ------------------------------------------------------------------------------------ $ref containment


def _one_line(text: str) -> str:
    """`text` made safe for a one-line message: control characters escaped, at most `_SHOWN` characters."""
    text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def iter_refs(data: Any) -> Iterator[tuple[str, str]]:
    """(JSON pointer, `$ref` string) for every `$ref` of a parsed document, each shared node visited once."""
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, where = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield where, ref
            items = [(f"{where}/{escape(str(k))}", v) for k, v in node.items() if isinstance(v, dict | list)]
        elif isinstance(node, list):
            items = [(f"{where}/{i}", v) for i, v in enumerate(node) if isinstance(v, dict | list)]
        else:
            continue
        stack.extend((value, pointer) for pointer, value in reversed(items))


def check_refs(
    data: Any,
    label: str,
    file: str,
    entry: str,
    root: RefRoot | GitRefRoot,
    refs: list[str] | None = None,
) -> None:
    """Raise `SpecSourceError` for the first `$ref` of `data` (the document at `file`, a path relative to the
    entry's directory; `""` for the entry itself) that is a URL, an absolute path, or outside `root`.

    `refs`: the document's `$ref` strings when already known (the parser's pass found them).
    """
    checked: set[str] = set()
    for ref in (ref for _, ref in iter_refs(data)) if refs is None else refs:
        target = ref.partition("#")[0]
        if not target or target in checked:
            continue
        checked.add(target)
        problem = _ref_problem(ref, file, entry, root)
        if problem is not None:
            # The rare error path walks once more, with pointers, to say where the ref is written.
            where = next((at for at, found in iter_refs(data) if found == ref), "")
            at = f" (in {_one_line(file)})" if file else ""
            raise SpecSourceError(
                f"{label}{at}: $ref {_one_line(repr(ref))} at {_one_line(where) or '/'} {problem}"
            )


def _ref_problem(ref: str, file: str, entry: str, root: RefRoot | GitRefRoot) -> str | None:
    target = ref.partition("#")[0]
    if not target:
        return None  # a pointer into the same file
    if _SCHEME.match(target):
        return f"is a URL; only files inside {root.shown} are read{root.hint}"
    if unquote(target).startswith(("/", "\\")):
        return f"is an absolute path; only files inside {root.shown} are read{root.hint}"
    location = ref_location(target, file, entry)
    if location is None or not root.contains(split_location(location)[0]):
        return f"leaves {root.shown}; only files inside it are read{root.hint}"
    return None


class RefRoot:
    """Where the files a spec refers to may be: a directory, checked lexically and with symlinks resolved.

    Paths given to `contains` are relative to the entry document's directory (`entry_dir`).
    """

    def __init__(self, entry_dir: Path, root: Path | None = None) -> None:
        self.entry_dir = entry_dir.resolve()
        self.root = (root or entry_dir).resolve()
        self.shown = f"--ref-root {root}" if root else f"the spec's directory ({entry_dir})"
        self.hint = "" if root else " (widen with --ref-root)"
        if not self.entry_dir.is_relative_to(self.root):
            raise SpecSourceError(f"the spec's directory {entry_dir} is not inside {self.shown}")

    def path(self, relative: str) -> Path | None:
        """The absolute, symlink-resolved path of `relative`, or None when it is not inside the root."""
        try:
            resolved = (self.entry_dir / relative).resolve()
        except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
            return None
        return resolved if resolved.is_relative_to(self.root) else None

    def contains(self, relative: str) -> bool:
        """True when `relative` (to the entry's directory) names a path inside the root."""
        return self.path(relative) is not None


class GitRefRoot:
    """The same rule inside one git revision: paths are repository paths, `root` a repository directory."""

    def __init__(self, entry_dir: str, root: str) -> None:
        self.git_entry_dir, self.git_root = entry_dir, root
        self.shown = f"{root or 'the repository root'} of the revision"
        self.hint = " (widen with --ref-root)"
        if not self.contains_repo_path(entry_dir):
            raise SpecSourceError(f"the spec's directory {entry_dir or '.'} is not inside --ref-root {root}")

    def repo_path(self, relative: str) -> str | None:
        """The repository path of `relative` (to the entry's directory), or None when outside the root."""
        path = posixpath.normpath(posixpath.join(self.git_entry_dir, relative))
        return path if self.contains_repo_path(path) and "\n" not in path else None

    def contains_repo_path(self, path: str) -> bool:
        """True when the repository path `path` is the root or below it."""
        path = posixpath.normpath(path) if path else "."
        if path.startswith(("/", "../")) or path == "..":
            return False
        root = posixpath.normpath(self.git_root) if self.git_root else "."
        return root == "." or path == root or path.startswith(root + "/")

    def contains(self, relative: str) -> bool:
        """True when `relative` (to the entry's directory) names a repository path inside the root."""
        return self.repo_path(relative) is not None


def directory_files(directory: Path, root: Path | None = None, label: str = "") -> Callable[[str], Any]:
    """A loader for the files a spec in `directory` refers to (None for a missing or unreadable file).

    Only files inside `root` (default: `directory`) are read, and each file's own `$ref`s are checked the
    same way before anything follows them: `SpecSourceError` otherwise.
    """
    bound = RefRoot(directory, root)
    where = label or str(directory)

    def load(relative: str) -> Any:
        path = bound.path(relative)
        if path is None:
            raise SpecSourceError(f"{where}: {_one_line(repr(relative))} is outside {bound.shown}")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        data, refs = _parse_part(text, f"{where} ({_one_line(relative)})")
        check_refs(data, where, relative, "", bound, refs)
        return data

    return load


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecSourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise SpecSourceError(f"{path}: cannot read: not UTF-8 ({exc.reason} at byte {exc.start})") from exc


def read_file(path: Path, ref_root: Path | None = None) -> Any:
    """A spec file parsed (any shape) with `parse_document`'s bounds, its `$ref`s checked against the root.

    For tools that read one document without following file refs (`python -m generator lint`).
    """
    data, refs = _parse(_read_text(path), str(path))
    check_refs(data, str(path), "", path.name, RefRoot(path.parent, ref_root), refs)
    return data


def load_file(path: Path, ref_root: Path | None = None) -> LoadedSpec:
    """Read a spec file (and, on demand, the files it `$ref`s inside `ref_root`, default its directory)."""
    loaded, refs = _parse_spec(_read_text(path), str(path))
    bound = RefRoot(path.parent, ref_root)
    check_refs(loaded.data, loaded.label, "", path.name, bound, refs)
    files = directory_files(path.parent, ref_root, loaded.label)
    return LoadedSpec(loaded.data, loaded.label, files, path.name)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def git_ref_root(repo: Path, spec_path: str, ref_root: Path | None) -> str:
    """The ref root of a spec read from git, as a repository path (`""`: the whole repository)."""
    if ref_root is None:
        return posixpath.dirname(posixpath.normpath(spec_path))
    try:
        relative = ref_root.resolve().relative_to(repo.resolve())
    except ValueError:
        raise SpecSourceError(f"--ref-root {ref_root} is not inside the repository {repo}") from None
    return "" if relative == Path() else relative.as_posix()


def load_git(repo: Path, ref: str, spec_path: str, ref_root: Path | None = None) -> LoadedSpec | None:
    """The spec at `ref:spec_path` (path relative to the repository root); None when the file is absent there.

    Its refs may name files of that revision inside `ref_root` (a directory of the working tree, taken as the
    same directory of the revision; default: the spec's own directory).
    """
    try:
        verified = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except OSError as exc:
        raise SpecSourceError(f"cannot run git: {exc}") from exc
    if verified.returncode != 0:
        raise SpecSourceError(f"--base {ref!r} is neither a file nor a git revision of {repo}")
    commit = verified.stdout.strip()
    if _git(repo, "cat-file", "-e", f"{commit}:{spec_path}").returncode != 0:
        return None
    shown = _git(repo, "show", f"{commit}:{spec_path}")
    if shown.returncode != 0:
        raise SpecSourceError(f"git show {ref}:{spec_path} failed: {shown.stderr.strip()}")
    loaded, refs = _parse_spec(shown.stdout, f"{ref}:{spec_path}")
    entry = posixpath.basename(spec_path)
    bound = GitRefRoot(
        posixpath.dirname(posixpath.normpath(spec_path)), git_ref_root(repo, spec_path, ref_root)
    )
    check_refs(loaded.data, loaded.label, "", entry, bound, refs)
    reader = _BlobReader(repo, commit, bound, loaded.label)
    return LoadedSpec(loaded.data, loaded.label, reader.load, entry)


class _BlobReader:
    """Files of one revision read through one `git cat-file --batch` (a multi-file spec has hundreds)."""

    def __init__(self, repo: Path, commit: str, bound: GitRefRoot, label: str) -> None:
        self.repo, self.commit, self.bound, self.label = repo, commit, bound, label
        self._process: subprocess.Popen[bytes] | None = None

    def load(self, relative: str) -> Any:
        """The parsed file at `relative` (to the entry's directory) in that revision, or None when absent.

        `SpecSourceError` when it is outside the ref root, or when one of its own `$ref`s is.
        """
        path = self.bound.repo_path(relative)
        if path is None:
            raise SpecSourceError(f"{self.label}: {_one_line(repr(relative))} is outside {self.bound.shown}")
        if self._process is None:
            self._process = subprocess.Popen(
                ["git", "-C", str(self.repo), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(f"{self.commit}:{path}\n".encode())
        stdin.flush()
        header = stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            return None
        body = stdout.read(int(header[2]) + 1)[:-1]
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None
        data, refs = _parse_part(text, f"{self.label} ({_one_line(relative)})")
        check_refs(data, self.label, relative, "", self.bound, refs)
        return data

    def __del__(self) -> None:
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            process.kill()
            process.wait()
        # The pipes too: a killed process leaves them open, and the suite runs with ResourceWarning as an error.
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def load_base(base: str, repo: Path, spec_path: str, ref_root: Path | None = None) -> LoadedSpec | None:
    """`--base`: a file when one exists at that path, otherwise a git revision (None: no spec there)."""
    candidate = Path(base)
    if candidate.is_file():
        return load_file(candidate, ref_root)
    return load_git(repo, base, spec_path, ref_root)
