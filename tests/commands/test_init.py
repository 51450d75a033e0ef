"""uppdrag init: a workspace from nothing that passes validate at once, never over what is there."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.conftest import MISSIONS, REPO, TODAY, write_tree
from uppdrag.cli import app
from uppdrag.edit.init_workspace import STARTER, starter_files, starter_organisation
from uppdrag.models import SKARABORG

MADE = [
    "missions/_bakgrund.yaml",
    "missions/_lov.yaml",
    "missions/_organisation.yaml",
    "missions/_styrdokument.yaml",
    ".github/workflows/uppdrag.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "README.md",
    "schemas/delad.schema.json",
    "schemas/uppdrag.schema.json",
]
NEXT = 'Nästa steg: skriv er organisation i missions/_organisation.yaml, sedan `{}uppdrag new forskola --namn "Förskola"`; README.md beskriver resten.'


def _tree(folder: Path) -> dict[str, tuple[int, float]]:
    """Every file under folder with its size and modification time."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


@pytest.fixture
def empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "arbetsyta"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_init_makes_a_workspace_that_validates_at_once(empty: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["init", "--utan-git"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Ny arbetsyta i .:",
        *[f"  {name}" for name in MADE],
        "git init hoppades över (--utan-git)",
        NEXT.format(""),
    ]
    assert sorted(_tree(empty)) == sorted(MADE)
    assert not (empty / ".git").exists()
    validated = runner.invoke(app, ["validate", "--strict", "--today", TODAY])
    assert validated.exit_code == 0
    assert validated.output == "0 nätverk och 4 delade filer: 0 fel, 0 varningar.\n"


def test_init_into_a_named_folder_made_for_it(tmp_path: Path, runner: CliRunner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "ny/fyrbodal", "--utan-git"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "  ny/fyrbodal/missions/_bakgrund.yaml"
    assert result.output.splitlines()[-1] == NEXT.format("cd ny/fyrbodal && ")
    assert runner.invoke(app, ["validate", "-m", "ny/fyrbodal/missions", "--today", TODAY]).exit_code == 0


def test_the_schemas_are_those_the_shipped_missions_use(empty: Path) -> None:
    """The starter organisation is Skaraborg's, so its schemas are the repository's schemas/."""
    files = starter_files()
    for name in ("schemas/uppdrag.schema.json", "schemas/delad.schema.json"):
        assert files[name] == (REPO / name).read_bytes()


def test_the_school_breaks_are_the_shipped_defaults_with_their_sources() -> None:
    assert (STARTER / "_lov.yaml").read_bytes() == (MISSIONS / "_lov.yaml").read_bytes()


def test_the_shared_texts_name_no_organisation() -> None:
    """Skaraborg's texts as a start, with its name taken out: a new organisation's documents
    say nothing of Skaraborg until it writes its own texts (the comments may)."""
    for name in ("_styrdokument.yaml", "_bakgrund.yaml"):
        text = (STARTER / name).read_text(encoding="utf-8")
        assert "Skaraborg" in text  # the comments say whose texts they were
        assert "Skaraborg" not in repr(yaml.safe_load(text)), name
        assert "ÄNDRA" in text


def test_init_refuses_a_folder_with_missions_and_changes_nothing(shipped: Path, runner: CliRunner) -> None:
    before = _tree(shipped)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 2
    assert result.output == (
        "fel: 'missions' finns redan: här finns redan en arbetsyta, och init ändrade ingenting. "
        "Kontrollera den med `uppdrag validate`\n"
    )
    assert _tree(shipped) == before
    assert not (shipped / ".git").exists()


def test_init_refuses_a_file_as_the_folder(tmp_path: Path, runner: CliRunner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("fil").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", "fil"])
    assert result.exit_code == 2
    assert result.output == "fel: 'fil' finns redan och är ingen mapp; ange en ny eller tom mapp\n"


def test_a_file_already_there_is_kept(empty: Path, runner: CliRunner) -> None:
    write_tree(empty, {"README.md": "Vårt eget förråd.\n", ".gitignore": "*.tmp\n"})
    result = runner.invoke(app, ["init", "--utan-git"])
    assert result.exit_code == 0
    assert "  .gitignore (fanns redan, orörd)" in result.output.splitlines()
    assert "  README.md (fanns redan, orörd)" in result.output.splitlines()
    assert (empty / "README.md").read_text(encoding="utf-8") == "Vårt eget förråd.\n"
    assert (empty / ".gitignore").read_text(encoding="utf-8") == "*.tmp\n"


def test_a_link_in_the_way_is_not_followed(empty: Path, runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "utanför.txt"
    target.write_text("orört\n", encoding="utf-8")
    os.symlink(target, empty / ".gitignore")
    assert runner.invoke(app, ["init", "--utan-git"]).exit_code == 0
    assert target.read_text(encoding="utf-8") == "orört\n"
    assert (empty / ".gitignore").is_symlink()


def test_a_failure_half_way_leaves_nothing_behind(empty: Path, runner: CliRunner) -> None:
    write_tree(empty, {"schemas": "en fil där mappen skulle vara\n"})
    result = runner.invoke(app, ["init", "--utan-git"])
    assert result.exit_code == 2
    assert result.output.startswith("fel: kan inte skapa arbetsytan i '.' (schemas/delad.schema.json): ")
    assert result.output.rstrip().endswith("; inget skapades")
    assert sorted(os.listdir(empty)) == ["schemas"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_makes_a_git_repository_so_diff_works(empty: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0
    assert "git-förråd skapat (git init)" in result.output.splitlines()
    assert (empty / ".git").is_dir()
    ignored = subprocess.run(["git", "check-ignore", "build/forskola.pdf"], capture_output=True, text=True)
    assert ignored.stdout == "build/forskola.pdf\n"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_init_inside_a_repository_makes_no_new_one(empty: Path, runner: CliRunner) -> None:
    subprocess.run(["git", "init", "-q", str(empty)], check=True)
    result = runner.invoke(app, ["init", "del"])
    assert result.exit_code == 0
    assert "mappen är redan i ett git-förråd; inget nytt förråd skapades" in result.output.splitlines()
    assert not (empty / "del" / ".git").exists()


def test_the_next_steps_work_as_written(empty: Path, runner: CliRunner) -> None:
    """The README's first network: new, then validate (FYLL I warnings only), in Skaraborg's
    starter organisation."""
    assert runner.invoke(app, ["init", "--utan-git"]).exit_code == 0
    readme = (empty / "README.md").read_text(encoding="utf-8")
    assert 'uppdrag new forskola --namn "Förskola"' in readme
    # On validate's day: in December the period is next year's, which strategi-2023-2026 does not cover.
    assert runner.invoke(app, ["new", "forskola", "--namn", "Förskola", "--today", TODAY]).exit_code == 0
    text = (empty / "missions/forskola.yaml").read_text(encoding="utf-8")
    assert "skickas till utbildning@skaraborg.se." in text
    assert "minnesanteckningar: Minnesanteckningar ska föras och läggas ut på utbildningskaraborg.se." in text
    validated = runner.invoke(app, ["validate", "--today", TODAY])
    assert validated.exit_code == 0
    assert validated.output.splitlines()[-1] == "1 nätverk och 4 delade filer: 0 fel, 4 varningar."


def test_every_modeline_points_at_a_schema_init_made(empty: Path, runner: CliRunner) -> None:
    assert runner.invoke(app, ["init", "--utan-git"]).exit_code == 0
    assert runner.invoke(app, ["new", "forskola", "--namn", "Förskola"]).exit_code == 0
    for path in sorted((empty / "missions").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../schemas/"), path.name
        assert (path.parent / first.split("=", 1)[1]).is_file(), path.name


def test_the_readmes_new_workspace_runs_as_written(tmp_path: Path, runner: CliRunner, monkeypatch) -> None:
    """README.md's "Ny arbetsyta", command by command (pip and the document import aside): the
    organisation it shows is written into _organisation.yaml, and validate is then quiet."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## Ny arbetsyta", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("\n", 1) for block in section.split("```")[1::2]]
    monkeypatch.chdir(tmp_path)
    ran = []
    for language, indented in blocks:
        body = textwrap.dedent(indented)
        if language.strip() == "yaml":
            Path("missions/_organisation.yaml").write_text(body, encoding="utf-8")
            continue
        for line in body.splitlines():
            command = shlex.split(line, comments=True)
            if not command or command[0] != "uppdrag" or command[1] == "import":
                if command[:1] == ["cd"]:
                    monkeypatch.chdir(command[1])
                continue
            result = runner.invoke(app, command[1:])
            assert result.exit_code == 0, (line, result.output)
            ran.append(command[1])
    assert ran == ["init", "schema", "schema", "new"]
    validated = runner.invoke(app, ["validate", "--today", TODAY])
    assert validated.exit_code == 0
    assert "okänd kommun" not in validated.output and "schemat är äldre" not in validated.output
    assert Path.cwd().name == "fyrbodal" and (Path.cwd() / ".git").is_dir() == (shutil.which("git") is not None)


def test_without_a_workspace_the_messages_point_to_init(empty: Path, runner: CliRunner) -> None:
    """The newcomer's path before init existed: each dead end now names the next step."""
    result = runner.invoke(app, ["new", "forskola", "--namn", "Förskola"])
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith("eller skapa en ny arbetsyta med `uppdrag init`")
    (empty / "missions").mkdir()
    result = runner.invoke(app, ["new", "forskola", "--namn", "Förskola"])
    assert result.exit_code == 2
    assert result.stderr == (
        "fel: arbetsytan har inga styrdokument i någon _-fil; skriv missions/_styrdokument.yaml "
        "(README: Filformatet), eller börja med en ny arbetsyta: `uppdrag init`\n"
    )


def test_the_starter_organisation_is_skaraborgs_as_the_default_is() -> None:
    assert starter_organisation().model_dump() == SKARABORG.model_dump()
