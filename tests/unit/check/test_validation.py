"""check.validation: validate_paths, open_workspace, open_valid_workspace, open_healthy_workspace,
raise_if_skipped, validate_replacement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from uppdrag.check.validation import (
    open_healthy_workspace,
    open_valid_workspace,
    open_workspace,
    raise_if_skipped,
    validate_paths,
    validate_replacement,
)
from uppdrag.errors import EXIT_FINDINGS, FindingsError, UsageError

TODAY = dt.date(2026, 11, 22)
SHARED = ["missions/_bakgrund.yaml", "missions/_lov.yaml", "missions/_styrdokument.yaml"]
NETWORKS = ["forskola", "grundskola", "ka", "sarskola", "skis"]
KA_PERIOD_ENDED = (
    "missions/ka.yaml:27:11",
    "warning",
    "period-ended",
    "uppdrag.period",
    "uppdragsperioden 2021 har löpt ut; börja nästa period med `uppdrag new ka-2027 --from ka`",
)
_UNFILLED = "angiven; skriv vem under rollen, t.ex. `personer: [{namn: Anna Andersson, kommun: Essunga}]`"


def _unfilled(file: str, line: int, index: int, role: str) -> tuple[str, str, str, str, str]:
    return (
        f"missions/{file}.yaml:{line}:11",
        "warning",
        "role-unfilled",
        f"roller[{index}]",
        f"ingen {role} {_UNFILLED}",
    )


# Four of the five originals name no chair or secretary; KA's assignments were for 2021.
KA_WARNINGS = [KA_PERIOD_ENDED, _unfilled("ka", 47, 0, "ordförande"), _unfilled("ka", 53, 1, "sekreterare")]
SKIS_WARNINGS = [_unfilled("skis", 60, 1, "ordförande"), _unfilled("skis", 68, 2, "sekreterare")]
SHIPPED_WARNINGS = (
    [_unfilled("grundskola", 45, 0, "ordförande"), _unfilled("grundskola", 49, 1, "sekreterare")]
    + KA_WARNINGS
    + [_unfilled("sarskola", 53, 0, "ordförande"), _unfilled("sarskola", 59, 1, "sekreterare")]
    + SKIS_WARNINGS
)
BROKEN = "id: trasig\nnamn: [\n"
BROKEN_YAML = ("missions/trasig.yaml:3:1", "error", "yaml", "", "ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)")  # fmt: skip


def described(findings) -> list[tuple[str, str, str, str, str]]:
    return [(str(f.location), f.severity.value, f.code, f.key_path, f.message) for f in findings]


def test_the_shipped_folder_has_warnings_only(shipped: Path) -> None:
    result = validate_paths([Path("missions")], TODAY)
    assert result.files == SHARED + [f"missions/{n}.yaml" for n in NETWORKS]
    assert described(result.findings) == SHIPPED_WARNINGS


def test_a_file_is_checked_with_the_shared_files_of_its_folder(shipped: Path) -> None:
    result = validate_paths([Path("missions/ka.yaml"), Path("missions/skis.yaml")], TODAY)
    assert result.files == SHARED + ["missions/ka.yaml", "missions/skis.yaml"]
    assert described(result.findings) == KA_WARNINGS + SKIS_WARNINGS


def test_the_period_is_judged_against_the_given_day_not_the_clock(shipped: Path) -> None:
    assert described(validate_paths([Path("missions/ka.yaml")], dt.date(2021, 6, 1)).findings) == KA_WARNINGS[1:]


def test_a_folder_without_yaml_files_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        validate_paths([tmp_path], TODAY)
    assert caught.value.message == (
        f"inga YAML-filer att kontrollera i {tmp_path}; uppdragsfilerna heter t.ex. forskola.yaml"
    )


def test_open_workspace_keeps_the_valid_missions_and_reports_the_broken_file(shipped: Path) -> None:
    (shipped / "missions" / "trasig.yaml").write_text(BROKEN, encoding="utf-8")
    workspace, result = open_workspace(Path("missions"), TODAY)
    assert sorted(m.mission.id for m in workspace.missions) == NETWORKS
    assert result.files[-1] == "missions/trasig.yaml"
    assert described(result.findings) == [BROKEN_YAML] + SHIPPED_WARNINGS


def test_open_valid_workspace_accepts_warnings(shipped: Path) -> None:
    workspace = open_valid_workspace(Path("missions"), TODAY)
    assert sorted(m.mission.id for m in workspace.missions) == NETWORKS


def test_open_valid_workspace_refuses_errors_and_carries_the_warnings_beside_them(shipped: Path) -> None:
    (shipped / "missions" / "trasig.yaml").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        open_valid_workspace(Path("missions"), TODAY)
    error = caught.value
    assert (error.message, error.exit_code, error.summarise) == (
        "Rätta felen först; uppdrag validate visar också varningarna.",
        EXIT_FINDINGS,
        True,
    )
    assert len(error.result.files) == 9
    assert described(error.result.findings) == [BROKEN_YAML] + SHIPPED_WARNINGS


def test_open_healthy_workspace_leaves_the_broken_file_out_and_keeps_what_validate_says(shipped: Path) -> None:
    (shipped / "missions" / "trasig.yaml").write_text(BROKEN, encoding="utf-8")
    workspace, result = open_healthy_workspace(Path("missions"), TODAY)
    assert sorted(m.mission.id for m in workspace.missions) == NETWORKS
    assert workspace.skipped == [Path("missions/trasig.yaml")]
    assert described(result.findings) == [BROKEN_YAML] + SHIPPED_WARNINGS
    with pytest.raises(FindingsError) as caught:
        raise_if_skipped(workspace, result)
    assert (caught.value.message, caught.value.exit_code, caught.value.summarise) == (
        "Hoppade över missions/trasig.yaml; de andra nätverken är med. Rätta felen och kör igen; "
        "uppdrag validate visar också varningarna.",
        EXIT_FINDINGS,
        True,
    )
    assert caught.value.result is result


def test_a_file_that_breaks_a_rule_across_files_is_left_out_too(shipped: Path) -> None:
    skis = (shipped / "missions" / "skis.yaml").read_text(encoding="utf-8")
    (shipped / "missions" / "skis.yaml").write_text(skis.replace("bakgrund: strategi-2023-2026", "bakgrund: ingen"))
    # A copy whose id was not changed: listed before ka.yaml, yet ka.yaml keeps its id and stays.
    (shipped / "missions" / "ka-2027.yaml").write_text((shipped / "missions" / "ka.yaml").read_text(encoding="utf-8"))
    assert min(Path("missions").glob("ka*.yaml")).name == "ka-2027.yaml"
    workspace, result = open_healthy_workspace(Path("missions"), TODAY)
    assert sorted(m.mission.id for m in workspace.missions) == ["forskola", "grundskola", "ka", "sarskola"]
    assert workspace.skipped == [Path("missions/ka-2027.yaml"), Path("missions/skis.yaml")]
    assert [(str(f.location), f.code, f.message) for f in result.findings if f.is_error] == [
        ("missions/ka-2027.yaml:2:5", "id-filename", "id 'ka' ska vara samma som filnamnet ('ka-2027')"),
        ("missions/skis.yaml:5:11", "reference", "okänd bakgrund 'ingen'; kända: maldokument, strategi-2023-2026"),
        ("missions/ka-2027.yaml:2:5", "duplicate-id", "id 'ka' används redan i missions/ka.yaml:2:5"),
    ]
    validated = validate_paths([Path("missions")], TODAY)  # validate, a file at a time, says the same
    assert [f for f in validated.findings if f.is_error] == [f for f in result.findings if f.is_error]


def test_open_healthy_workspace_without_broken_files_leaves_nothing_out(shipped: Path) -> None:
    workspace, result = open_healthy_workspace(Path("missions"), TODAY)
    assert (workspace.skipped, result.errors) == ([], 0)
    raise_if_skipped(workspace, result)  # nothing to say: returns


@pytest.mark.parametrize(
    ("broken", "text"),
    [("_lov.yaml", "läsår: [\n"), ("forskola.yaml", "id: [\n")],
    ids=["a broken shared file", "no healthy network left"],
)
def test_open_healthy_workspace_stops_when_nothing_would_be_right(broken: str, text: str, workspace: Path) -> None:
    (workspace / "missions" / "forskola.yaml").write_text("id: forskola\n", encoding="utf-8")
    (workspace / "missions" / broken).write_text(text, encoding="utf-8")
    with pytest.raises(FindingsError) as caught:
        open_healthy_workspace(Path("missions"), TODAY)
    assert caught.value.message == "Rätta felen först."
    assert f"missions/{broken}" in {f.location.file for f in caught.value.result.findings if f.is_error}


def test_validate_replacement_checks_the_text_at_the_path_without_writing(shipped: Path) -> None:
    path = Path("missions/skis.yaml")
    before = path.read_text(encoding="utf-8")
    text = before.replace("styrdokument: strategi-2023-2026", "styrdokument: finns-inte")
    assert text != before
    result = validate_replacement(path, text, TODAY)
    assert result.files == SHARED + ["missions/skis.yaml"]
    assert (
        described(result.findings)
        == [
            (
                "missions/skis.yaml:4:15",
                "error",
                "reference",
                "styrdokument",
                "okänt styrdokument 'finns-inte'; kända: maldokument, strategi-2023-2026",
            )
        ]
        + SKIS_WARNINGS
    )
    assert path.read_text(encoding="utf-8") == before


def test_validate_replacement_of_a_file_that_does_not_exist_yet(workspace: Path) -> None:
    result = validate_replacement(Path("missions/ny.yaml"), "id: ny\n", TODAY)
    assert result.files == SHARED + ["missions/ny.yaml"]
    assert [(str(f.location), f.code, f.message) for f in result.findings] == [
        ("missions/ny.yaml:1:1", "missing-key", f"nyckeln '{key}' saknas")
        for key in ("namn", "styrdokument", "bakgrund", "syfte", "uppdrag", "roller")
    ]
    assert not Path("missions/ny.yaml").exists()


def test_a_large_folder_is_checked_in_workers_with_the_same_findings_in_the_same_order(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uppdrag.check import validation

    count = validation.PARALLEL_FROM
    forskola = (shipped / "missions" / "forskola.yaml").read_text(encoding="utf-8")
    for index in range(count):
        text = forskola.replace("id: forskola", f"id: n{index:03d}")
        (shipped / "missions" / f"n{index:03d}.yaml").write_text(text, encoding="utf-8")
    (shipped / "missions" / "n007.yaml").write_text(forskola, encoding="utf-8")  # id forskola twice
    (shipped / "missions" / "trasig.yaml").write_text(BROKEN, encoding="utf-8")
    pools = []
    real = validation._in_parallel
    monkeypatch.setattr(validation, "_in_parallel", lambda *args: pools.append(1) or real(*args))
    in_workers = validate_paths([Path("missions")], TODAY)
    assert pools == [1]
    monkeypatch.setattr(validation, "PARALLEL_FROM", 10_000)
    in_one_process = validate_paths([Path("missions")], TODAY)
    assert in_workers == in_one_process
    assert len(in_workers.files) == 3 + 5 + count + 1
    assert [f.code for f in in_workers.findings if f.is_error] == ["yaml", "id-filename", "duplicate-id"]
