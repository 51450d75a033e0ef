"""uppdrag check-meetings: the text and JSON it prints, its exit codes and its year range."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import TODAY, write_tree
from tests.support.missions import meetings_rule, mission_with
from uppdrag.cli import app


def test_too_few_names_the_folder_when_it_is_not_missions(workspace: Path, runner) -> None:
    (workspace / "missions").rename(workspace / "mina uppdrag")
    write_tree(workspace, {"mina uppdrag/n.yaml": mission_with(meetings_rule())})
    result = runner.invoke(app, ["check-meetings", "2027", "-m", "mina uppdrag", "--format", "json", "--today", TODAY])
    [entry] = json.loads(result.stdout)["networks"]
    assert entry["problems"][0]["message"] == (
        "inga möten inlagda för 2027; regeln kräver minst 4; "
        "föreslå fler med uppdrag plan-meetings n 2027 --write -m 'mina uppdrag'"
    )


def test_too_few_days_left_to_plan_says_so_and_plan_meetings_agrees(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2026", "forskola", "--today", "2026-12-05"])
    assert result.exit_code == 1
    assert "regeln kräver minst 4; för få möjliga dagar kvar 2026 (2 för 4 möten)  (missions/forskola.yaml:81:3)\n" in result.stdout
    assert "plan-meetings" not in result.stdout
    planned = runner.invoke(app, ["plan-meetings", "forskola", "2026", "--write", "--today", "2026-12-05"])
    assert (planned.exit_code, planned.stderr) == (
        1, "fel: bara 2 möjliga dagar 2026 efter 2026-12-05; kan inte planera 4 möten\n"
    )  # fmt: skip


def test_cli_text(shipped: Path, runner) -> None:
    write_tree(
        shipped,
        {
            "missions/forskola.yaml": (shipped / "missions/forskola.yaml").read_text()
            + "  träffar:\n    - datum: 2024-03-29\n"
        },
    )
    result = runner.invoke(app, ["check-meetings", "2024", "forskola", "sarskola", "--today", "2024-01-15"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[4:6] == [
        "│ forskola │ Förskola  │ 1 (0 giltiga) │     4 │ fredag   │ 2 fel       │",
        "│ sarskola │ Särskolan │             0 │     – │ –        │ ingen regel │",
    ]
    assert result.stdout.endswith(
        "forskola\n"
        "  fel: 2024-03-29 (fredag) är långfredagen, en ledig dag; närmaste bra dag: 2024-04-05 (fredag)"
        "  (missions/forskola.yaml:85:14)\n"
        "  fel: 0 giltiga möten 2024; regeln kräver minst 4; föreslå fler med uppdrag plan-meetings forskola "
        "2024 --write  (missions/forskola.yaml:81:3)\n"
    )


def test_cli_json_keys(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2024", "--format", "json", "--today", "2024-01-15"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert list(document) == ["version", "findings", "summary", "year", "networks"]
    assert (document["version"], document["year"]) == (1, 2024)
    report = document["networks"]
    assert [r["network"] for r in report] == ["forskola", "grundskola", "ka", "sarskola", "skis"]
    assert document["summary"] == {"networks": 5, "errors": sum(not r["ok"] for r in report), "warnings": 0}
    problems = [p for entry in report for p in entry["problems"]]  # the old keys, one release more
    assert sorted((f["date"], f["code"], f["message"]) for f in document["findings"]) == sorted(
        (p["date"], p["kind"], p["message"]) for p in problems
    )
    for entry in report:
        assert list(entry) == ["network", "year", "count", "valid", "minimum", "ok", "problems"]
        for problem in entry["problems"]:
            assert list(problem) == ["date", "kind", "severity", "message"]
    assert report[3] == {
        "network": "sarskola",
        "year": 2024,
        "count": 0,
        "valid": 0,
        "minimum": None,
        "ok": True,
        "problems": [],
    }
    assert report[2]["problems"] == [
        {
            "date": None,
            "kind": "too_few",
            "severity": "error",
            "message": "inga möten inlagda för 2024; regeln kräver minst 5; "
            "föreslå fler med uppdrag plan-meetings ka 2024 --write",
        }
    ]


def test_cli_json_new_kinds(shipped: Path, runner) -> None:
    path = shipped / "missions/skis.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  träffar:\n    - datum: 2026-02-13\n    - datum: 2026-04-30\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check-meetings", "2026", "skis", "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [(f["date"], f["code"], f["file"]) for f in document["findings"]] == [
        (None, "too_few", "missions/skis.yaml"),  # in file order: the rule's line comes first
        ("2026-02-13", "school_break", "missions/skis.yaml"),
        ("2026-04-30", "weekday", "missions/skis.yaml"),
    ]
    problems = document["networks"][0]["problems"]
    assert [(p["date"], p["kind"], p["severity"]) for p in problems] == [
        ("2026-02-13", "school_break", "error"),
        ("2026-04-30", "weekday", "error"),  # a Thursday under a Friday rule: the error, not the eve
        (None, "too_few", "error"),
    ]


def test_strict_fails_on_warnings(shipped: Path, runner) -> None:
    path = shipped / "missions/skis.yaml"
    meetings = ("2026-01-30", "2026-03-20", "2026-05-15", "2026-09-11", "2026-11-13")  # 15 May: klämdag
    path.write_text(
        path.read_text(encoding="utf-8") + "  träffar:\n" + "".join(f"    - datum: {d}\n" for d in meetings),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["check-meetings", "2026", "skis"]).exit_code == 0
    result = runner.invoke(app, ["check-meetings", "2026", "skis", "--strict"])
    assert result.exit_code == 1
    assert result.stdout.endswith(
        "skis\n"
        "  varning: 2026-05-15 (fredag) är en klämdag efter Kristi himmelsfärdsdag; många är lediga"
        "  (missions/skis.yaml:80:14)\n"
    )


def test_cli_exit_0_when_only_networks_without_rule(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2024", "sarskola"])
    assert result.exit_code == 0


def test_cli_year_outside_the_calendar(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2199", "forskola"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: kalendern känner Sveriges helgdagar bara för åren 1953–2100 (paketet holidays); "
        "2199 kan inte granskas eller planeras\n",
    )
    result = runner.invoke(app, ["plan-meetings", "forskola", "1900"])
    assert result.exit_code == 2 and "1900 kan inte granskas eller planeras" in result.stderr
