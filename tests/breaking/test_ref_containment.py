"""`$ref`s are followed only inside the spec's directory or `--ref-root` (issue 21, item 4).

A head spec may come from a pull request: `breaking` used to follow `../` refs anywhere (a ref to
`../../outside/secret.json` printed that file's property names in the report, `/etc/passwd` was opened)
and left URLs and absolute paths silently unresolved. Now each is one error line naming the ref, exit 2,
in `breaking` (file and git bases, the entry and every file it reaches) and in `lint`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.specdiff.load import SpecSourceError, load_file
from tests.breaking.builders import Spec, base_spec, schema

SECRET = "secret_field_of_the_runner"


def _write(path: Path, spec: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _with_ref(ref: str) -> Spec:
    spec = base_spec()
    schema(spec, "PaymentIntent")["properties"]["leak"] = {"$ref": ref}
    return spec


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tmp/outside/secret.json (a runner's file) beside tmp/repo/spec/ (where the specs go)."""
    _write(
        tmp_path / "outside" / "secret.json", {"type": "object", "properties": {SECRET: {"type": "string"}}}
    )
    _write(tmp_path / "repo" / "spec" / "base.yaml", base_spec())
    (tmp_path / "ack.yaml").write_text("[]\n", encoding="utf-8")
    return tmp_path


def _breaking(
    capsys: pytest.CaptureFixture[str], tree: Path, head: Path, *extra: str
) -> tuple[int, str, str]:
    base = tree / "repo" / "spec" / "base.yaml"
    ack = tree / "ack.yaml"
    status = cli.breaking(
        ["--base", str(base), "--head", str(head), "--ack", str(ack), "--no-surface", *extra]
    )
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _refused(status: int, out: str, err: str, ref: str) -> None:
    assert status == 2, out + err
    assert SECRET not in out + err and "root:" not in out + err
    lines = err.splitlines()
    assert len(lines) == 1 and repr(ref) in lines[0], err


ESCAPES = [
    "../../outside/secret.json",
    "../../outside/secret.json#/properties",
    "../../../../../../../../etc/passwd",
    "sub/../../../outside/secret.json",
    "%2E%2E/%2E%2E/outside/secret.json",
    "https://example.invalid/secret.json",
    "file:///etc/passwd",
    "/etc/passwd",
    "%2Fetc%2Fpasswd",
]


@pytest.mark.parametrize("ref", ESCAPES)
def test_breaking_refuses_a_ref_leaving_the_spec_directory(
    tree: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    head = _write(tree / "repo" / "spec" / "head.yaml", _with_ref(ref))
    _refused(*_breaking(capsys, tree, head), ref)


def test_an_absolute_path_to_a_real_file_is_refused(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = str(tree / "outside" / "secret.json")
    head = _write(tree / "repo" / "spec" / "head.yaml", _with_ref(ref))
    _refused(*_breaking(capsys, tree, head), ref)


def test_a_symlink_out_of_the_directory_is_refused(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "repo" / "spec" / "inside.json").symlink_to(tree / "outside" / "secret.json")
    head = _write(tree / "repo" / "spec" / "head.yaml", _with_ref("inside.json"))
    _refused(*_breaking(capsys, tree, head), "inside.json")


def test_a_ref_in_a_referenced_file_is_checked_too(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tree / "repo" / "spec" / "schemas" / "leak.yaml", {"$ref": "../../../outside/secret.json"})
    head = _write(tree / "repo" / "spec" / "head.yaml", _with_ref("schemas/leak.yaml"))
    status, out, err = _breaking(capsys, tree, head)
    _refused(status, out, err, "../../../outside/secret.json")
    assert "schemas/leak.yaml" in err  # names the file the ref is written in


def test_the_base_spec_is_held_to_the_same_rule(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tree / "repo" / "spec" / "base.yaml", _with_ref("../../outside/secret.json"))
    head = _write(tree / "repo" / "spec" / "head.yaml", base_spec())
    _refused(*_breaking(capsys, tree, head), "../../outside/secret.json")


def test_ref_root_widens_the_root_explicitly(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The base has its own `../../outside/secret.json` (without the property), in a directory of its own.
    _write(tree / "old" / "outside" / "secret.json", {"type": "object", "properties": {}})
    base = _write(tree / "old" / "repo" / "spec" / "base.yaml", _with_ref("../../outside/secret.json"))
    head = _write(tree / "repo" / "spec" / "head.yaml", _with_ref("../../outside/secret.json"))
    ack = str(tree / "ack.yaml")
    args = ["--base", str(base), "--head", str(head), "--ack", ack, "--no-surface"]
    status = cli.breaking([*args, "--ref-root", str(tree)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert f"optional property '{SECRET}' added" in out  # the caller allowed it: compared like any file
    _refused(cli.breaking(args), "", capsys.readouterr().err, "../../outside/secret.json")  # the default


def test_a_spec_outside_ref_root_is_an_error(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = _write(tree / "repo" / "spec" / "head.yaml", base_spec())
    status, _, err = _breaking(capsys, tree, head, "--ref-root", str(tree / "outside"))
    assert status == 2 and "is not inside --ref-root" in err


def test_refs_inside_the_directory_still_resolve(tree: Path) -> None:
    _write(tree / "repo" / "spec" / "schemas" / "extra.yaml", {"type": "object", "properties": {"x": {}}})
    head = _write(tree / "repo" / "spec" / "head.yaml", _with_ref("./schemas/../schemas/extra.yaml"))
    loaded = load_file(head)
    assert loaded.files is not None and loaded.files("schemas/extra.yaml") == {
        "type": "object",
        "properties": {"x": {}},
    }
    with pytest.raises(SpecSourceError, match="outside"):
        loaded.files("../../outside/secret.json")  # the loader itself refuses, whoever asks


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com",
         "-c", "commit.gpgsign=false", *args],
        check=True,
        capture_output=True,
    )  # fmt: skip


def test_a_git_base_is_held_to_the_same_rule(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tree / "repo"
    _write(repo / "shared" / "leak.yaml", {"type": "object", "properties": {SECRET: {"type": "string"}}})
    _write(repo / "spec" / "molam.yaml", _with_ref("../shared/leak.yaml"))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "spec")
    head = _write(tree / "head" / "molam.yaml", base_spec())
    args = ["--base", "HEAD", "--head", str(head), "--repo", str(repo), "--ack", str(tree / "ack.yaml")]
    status = cli.breaking([*args, "--no-surface"])
    err = capsys.readouterr().err
    assert status == 2 and "'../shared/leak.yaml'" in err and len(err.splitlines()) == 1
    # With the repository as the root the base's file is read from the revision (the head is then outside).
    status = cli.breaking([*args, "--no-surface", "--ref-root", str(repo)])
    assert status == 2 and "is not inside --ref-root" in capsys.readouterr().err
    (repo / "shared" / "leak.yaml").unlink()  # only the revision has it now
    _write(repo / "shared" / "empty.yaml", {"type": "object", "properties": {}})
    _write(repo / "spec" / "head.yaml", _with_ref("../shared/empty.yaml"))
    status = cli.breaking(
        [
            *args[:2],
            "--head",
            str(repo / "spec" / "head.yaml"),
            *args[4:],
            "--no-surface",
            "--ref-root",
            str(repo),
        ]
    )
    out = capsys.readouterr().out
    assert status == 1 and f"property '{SECRET}' removed" in out  # read from the revision's shared/


@pytest.mark.parametrize(
    "ref", ["../../outside/secret.json", "https://example.invalid/x.json", "/etc/passwd"]
)
def test_lint_refuses_a_ref_leaving_the_spec_directory(
    tree: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    spec = _write(tree / "repo" / "spec" / "molam.yaml", _with_ref(ref))
    status = cli.lint(["--spec", str(spec)])
    captured = capsys.readouterr()
    assert status == 2, captured.out
    assert captured.out == "" and len(captured.err.splitlines()) == 1 and repr(ref) in captured.err
    # An explicit --ref-root that holds the file: lint then reports the file ref as a rule violation.
    if ref.startswith("../"):
        assert cli.lint(["--spec", str(spec), "--ref-root", str(tree)]) == 1
        assert "ref-unresolved" in capsys.readouterr().out
