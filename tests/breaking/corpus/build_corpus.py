"""How tests/breaking/corpus/*.tar.xz were made (run by hand; the tests only read the archives).

    python tests/breaking/corpus/build_corpus.py <name> <git dir> <entry path> <commit>... [--keep DIR...]

Each archive holds consecutive revisions of one public API description, as `NN-<commit>/<entry path>`
plus, for a multi-file spec, the files the entry reaches. `--keep` trims a multi-file spec to the paths
whose files all live under the given resource directories (the same rule for every revision, so pairs
stay comparable), and then to the files reachable from what is kept. `MANIFEST.json` records the source,
the commits, their dates and subjects. One xz stream over all revisions keeps near-identical revisions
almost free.
"""

from __future__ import annotations

import argparse
import io
import json
import posixpath
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


def _git(repo: str, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True).stdout


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        out = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        for value in node.values():
            out += _refs(value)
        return out
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []


def _target(ref: str, file: str) -> str | None:
    path = ref.partition("#")[0]
    if not path or "://" in path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(file), path))


def _revision(repo: str, commit: str, entry: str, keep: list[str]) -> dict[str, bytes]:
    """path -> content of the files one revision needs (trimmed when `keep` is given)."""
    raw = _git(repo, "show", f"{commit}:{entry}")
    if not keep:
        return {entry: raw}
    root = yaml.safe_load(raw)
    base = posixpath.dirname(entry)
    prefixes = tuple(posixpath.join(base, "resources", name) + "/" for name in keep)

    def kept(item: Any) -> bool:
        targets = [_target(ref, entry) for ref in _refs(item)]
        return bool(targets) and all(t is not None and t.startswith(prefixes) for t in targets)

    root["paths"] = {path: item for path, item in root["paths"].items() if kept(item)}
    files = {entry: yaml.safe_dump(root, sort_keys=False, allow_unicode=True, width=100).encode()}
    todo = [(ref, entry) for ref in _refs(root)]
    while todo:
        ref, at = todo.pop()
        path = _target(ref, at)
        if path is None or path in files:
            continue
        content = _git(repo, "show", f"{commit}:{path}")
        files[path] = content
        if path.endswith((".yml", ".yaml", ".json")):
            todo += [(inner, path) for inner in _refs(yaml.safe_load(content))]
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("repo")
    parser.add_argument("entry")
    parser.add_argument("commits", nargs="+")
    parser.add_argument("--source", required=True, help="owner/name on GitHub")
    parser.add_argument("--keep", nargs="*", default=[])
    args = parser.parse_args()
    manifest: dict[str, Any] = {
        "source": f"https://github.com/{args.source}",
        "entry": args.entry,
        "trimmed_to": args.keep or None,
        "revisions": [],
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:xz", preset=9) as tar:
        for index, commit in enumerate(args.commits, start=1):
            full = _git(args.repo, "rev-parse", commit).decode().strip()
            info = _git(args.repo, "log", "-1", "--format=%cs%x00%s", full).decode().strip().split("\0")
            folder = f"{index:02d}-{full[:10]}"
            manifest["revisions"].append({"dir": folder, "commit": full, "date": info[0], "subject": info[1]})
            for path, content in sorted(_revision(args.repo, full, args.entry, args.keep).items()):
                member = tarfile.TarInfo(f"{folder}/{path}")
                member.size, member.mtime = len(content), 0
                tar.addfile(member, io.BytesIO(content))
        data = json.dumps(manifest, indent=2).encode()
        member = tarfile.TarInfo("MANIFEST.json")
        member.size = len(data)
        tar.addfile(member, io.BytesIO(data))
    (HERE / f"{args.name}.tar.xz").write_bytes(buffer.getvalue())
    print(f"{args.name}.tar.xz: {len(buffer.getvalue())} bytes, {len(args.commits)} revisions")


if __name__ == "__main__":
    main()
