"""history: a mission file at a git revision, on a temporary repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from uppdrag.errors import EXIT_USAGE, HistoryError
from uppdrag.history import file_at, last_revision


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """missions/ka.yaml in two commits, then a commit that touches another file only."""
    path = tmp_path / "missions" / "ka.yaml"
    path.parent.mkdir()
    _git(tmp_path, "init", "-q")
    path.write_text("namn: Första\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Första")
    path.write_text("namn: Andra åäö\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "Andra")
    (tmp_path / "annan.txt").write_text("x\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Tredje")
    return tmp_path


def test_last_revision_is_the_newest_commit_that_touched_the_file(repo: Path) -> None:
    touched = _git(repo, "rev-parse", "HEAD~1")
    assert touched != _git(repo, "rev-parse", "HEAD")
    assert last_revision(repo / "missions" / "ka.yaml") == touched


def test_file_at_gives_the_text_at_each_revision(repo: Path) -> None:
    path = repo / "missions" / "ka.yaml"
    assert file_at(path, "HEAD~2") == "namn: Första\n"
    assert file_at(path, "HEAD") == "namn: Andra åäö\n"
    assert file_at(path, last_revision(path)) == "namn: Andra åäö\n"


def test_a_relative_path_from_inside_the_repository(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "missions")
    assert file_at(Path("ka.yaml"), "HEAD~2") == "namn: Första\n"


def error_of(call, *args) -> HistoryError:
    with pytest.raises(HistoryError) as caught:
        call(*args)
    assert caught.value.exit_code == EXIT_USAGE
    return caught.value


def test_an_unknown_revision(repo: Path) -> None:
    path = repo / "missions" / "ka.yaml"
    assert error_of(file_at, path, "finns-inte").message == (
        "okänd revision 'finns-inte'; ange ett datum (`--sedan ÅÅÅÅ-MM-DD`) eller en incheckning som "
        f"`git log --oneline -- {path}` visar"
    )


def test_a_file_the_revision_does_not_have(repo: Path) -> None:
    (repo / "missions" / "ny.yaml").write_text("id: ny\n", encoding="utf-8")
    error = error_of(file_at, repo / "missions" / "ny.yaml", "HEAD")
    assert error.message == (
        "missions/ny.yaml finns inte i revision 'HEAD'; välj en senare eller jämför med en fil: `--file GAMMAL.yaml`"
    )


def test_a_file_never_committed_has_no_last_revision(repo: Path) -> None:
    path = repo / "missions" / "ny.yaml"
    path.write_text("id: ny\n", encoding="utf-8")
    assert error_of(last_revision, path).message == (
        f"{path} finns inte i någon incheckning; checka in den (`git add {path}` och `git commit`) "
        "eller jämför med en fil: `--file GAMMAL.yaml`"
    )


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    path = tmp_path / "ka.yaml"
    path.write_text("id: ka\n", encoding="utf-8")
    expected = f"{tmp_path} ligger inte i ett git-förråd; jämför med en fil med --file"
    assert error_of(last_revision, path).message == expected
    assert error_of(file_at, path, "HEAD").message == expected


def test_without_git_on_the_machine(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "tom"))
    assert error_of(file_at, repo / "missions" / "ka.yaml", "HEAD").message == "git finns inte på den här datorn"


def test_a_hung_git_is_a_message(monkeypatch, tmp_path) -> None:
    import subprocess

    from uppdrag.errors import HistoryError
    from uppdrag.history import last_revision

    def hang(*args, **kwargs):
        raise subprocess.TimeoutExpired(cmd="git", timeout=60)

    monkeypatch.setattr(subprocess, "run", hang)
    with pytest.raises(HistoryError) as raised:
        last_revision(tmp_path / "x.yaml")
    assert raised.value.message == "git svarade inte inom 60 sekunder (git rev-parse --show-toplevel)"


def test_version_of_picks_the_revision_then_gives_its_text_hash_and_day(repo: Path) -> None:
    import datetime as dt

    from uppdrag.history import version_of

    path = repo / "missions" / "ka.yaml"
    first, touched = _git(repo, "rev-parse", "HEAD~2"), _git(repo, "rev-parse", "HEAD~1")
    day = dt.date.fromisoformat(_git(repo, "show", "-s", "--format=%cI", "HEAD~1")[:10])
    assert version_of(path, None, None) == ("namn: Andra åäö\n", touched, day)  # its last commit
    assert version_of(path, "HEAD~2", None) == ("namn: Första\n", first, day)
    assert version_of(path, None, dt.date(2099, 1, 1)) == ("namn: Andra åäö\n", touched, day)
    with pytest.raises(HistoryError) as raised:
        version_of(path, None, dt.date(2000, 1, 1))
    assert raised.value.message == (
        f"ka.yaml fanns inte i git före 2000-01-01; den äldsta versionen är från {day.isoformat()}: "
        f"`uppdrag diff ka {first[:7]}`"
    )
