"""uppdrag plan-meetings: the dates it proposes and what --write does to the mission file."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import TESTS
from tests.support.links import link_out_of_workspace, link_refusal
from uppdrag.cli import app


def test_plan_cli_proposes_only_the_missing(shipped: Path, runner) -> None:
    path = shipped / "missions/forskola.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  träffar:\n    - datum: 2027-02-05\n    - datum: 2027-04-23\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["plan-meetings", "forskola", "2027"])
    assert result.exit_code == 0
    assert result.stdout == "  träffar:\n    - datum: 2027-09-17\n    - datum: 2027-11-19\n"
    assert result.stderr == (
        "obs: 2027 ligger utanför uppdragsperioden 2023–2026 i missions/forskola.yaml; mötena planeras ändå\n"
        "obs: missions/forskola.yaml har redan 2 giltiga möten 2027; de behålls\n"
    )
    result = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert (result.exit_code, result.stdout) == (0, "missions/forskola.yaml: 2 möten 2027 tillagda\n")
    assert path.read_text(encoding="utf-8").endswith(
        "    - datum: 2027-02-05\n    - datum: 2027-04-23\n    - datum: 2027-09-17\n    - datum: 2027-11-19\n"
    )
    written = path.read_text(encoding="utf-8")
    again = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert (again.exit_code, again.stdout, again.stderr) == (
        0,
        "",
        "obs: 2027 ligger utanför uppdragsperioden 2023–2026 i missions/forskola.yaml; mötena planeras ändå\n"
        "missions/forskola.yaml har redan 4 giltiga möten 2027 (minst 4); inget att lägga till\n",
    )
    assert path.read_text(encoding="utf-8") == written
    assert runner.invoke(app, ["check-meetings", "2027", "forskola", "--strict"]).exit_code == 0


def test_plan_needs_a_rule_or_count(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["plan-meetings", "sarskola", "2027"])
    assert (result.exit_code, result.stderr) == (1, "fel: sarskola har ingen regel för antal möten; ange --count\n")
    assert runner.invoke(app, ["plan-meetings", "sarskola", "2027", "--count", "3"]).stdout.count("- datum:") == 3


def test_plan_write_keeps_comments_and_layout(shipped: Path, runner) -> None:
    path = shipped / "missions" / "forskola.yaml"
    original = "# Förskolans uppdrag – en kommentar som ska vara kvar\n" + path.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    result = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "missions/forskola.yaml: 4 möten 2027 tillagda\n"
    written = path.read_text(encoding="utf-8")
    assert written.startswith(original)  # everything before stays byte for byte
    assert written[len(original) :] == (
        "  träffar:\n"
        "    - datum: 2027-02-05\n"
        "    - datum: 2027-05-14\n"
        "    - datum: 2027-09-17\n"
        "    - datum: 2027-11-19\n"
    )
    check = runner.invoke(app, ["check-meetings", "2027", "forskola", "--strict"])
    assert check.exit_code == 0


def test_plan_write_creates_the_meeting_block(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["plan-meetings", "sarskola", "2027", "--count", "2", "--write"])
    assert result.exit_code == 0
    assert (
        (shipped / "missions/sarskola.yaml")
        .read_text(encoding="utf-8")
        .endswith("utbildningschefsgruppen.\nmöten:\n  träffar:\n    - datum: 2027-04-01\n    - datum: 2027-10-15\n")
    )


def test_plan_write_keeps_a_bad_entered_meeting_and_adds_only_the_missing(shipped: Path, runner) -> None:
    path = shipped / "missions/skis.yaml"
    original = path.read_text(encoding="utf-8") + "  träffar:\n    - datum: 2027-03-26  # påsklov\n"
    path.write_text(original, encoding="utf-8")
    assert runner.invoke(app, ["validate", "missions/skis.yaml"]).exit_code == 1  # validate sees it
    result = runner.invoke(app, ["plan-meetings", "skis", "2027", "--write"])
    assert (result.exit_code, result.stdout) == (0, "missions/skis.yaml: 4 möten 2027 tillagda\n")
    assert result.stderr == (
        "obs: 2027 ligger utanför uppdragsperioden 2023–2026 i missions/skis.yaml; mötena planeras ändå\n"
    )
    assert path.read_text(encoding="utf-8") == original + (
        "    - datum: 2027-02-05\n    - datum: 2027-05-14\n    - datum: 2027-09-17\n    - datum: 2027-11-19\n"
    )


def test_a_year_that_has_passed_gets_no_plan_to_write(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["check-meetings", "2025", "ka", "--today", "2026-12-05"])
    assert result.exit_code == 1
    assert "  fel: inga möten inlagda för 2025; regeln kräver minst 5; 2025 har redan varit" in result.stdout
    refused = runner.invoke(app, ["plan-meetings", "ka", "2025", "--today", "2026-12-05"])
    assert (refused.exit_code, refused.stderr) == (1, "fel: 2025 har redan varit; planera ett kommande år, t.ex. 2027\n")


def test_a_plan_for_this_year_proposes_only_days_to_come(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["plan-meetings", "forskola", "2026", "--today", "2026-06-01"])
    assert result.exit_code == 0
    assert result.stdout == (
        "  träffar:\n    - datum: 2026-06-05\n    - datum: 2026-09-04\n    - datum: 2026-10-16\n"
        "    - datum: 2026-12-04\n"
    )
    too_late = runner.invoke(app, ["plan-meetings", "forskola", "2026", "--today", "2026-12-05"])
    assert (too_late.exit_code, too_late.stderr) == (
        1,
        "fel: bara 2 möjliga dagar 2026 efter 2026-12-05; kan inte planera 4 möten\n",
    )


def test_plan_meetings_write_keeps_crlf_bom_and_link(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    real = shipped / "forskola-original.yaml"
    original = (shipped / "missions" / "forskola.yaml").read_bytes()
    real.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    (shipped / "missions" / "forskola.yaml").unlink()
    (shipped / "missions" / "forskola.yaml").symlink_to(real)
    result = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "missions/forskola.yaml: 4 möten 2027 tillagda\n"
    assert (shipped / "missions" / "forskola.yaml").is_symlink()
    data = real.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert data.count(b"- datum: 2027-") == 4


def test_plan_meetings_write_refuses_links_out_hard_links_and_read_only_files(shipped: Path, runner) -> None:
    from uppdrag.cli import app

    target, before = link_out_of_workspace(shipped, shipped.parent / f"{shipped.name}-utanfor")
    result = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: " + link_refusal("missions/forskola.yaml", target, shipped) + "\n",
    )
    assert target.read_bytes() == before
    skis = shipped / "missions" / "skis.yaml"
    os.link(skis, shipped / "skis-kopia.yaml")
    result = runner.invoke(app, ["plan-meetings", "skis", "2027", "--write"])
    assert result.exit_code == 2 and "filen har 2 hårda länkar" in result.stderr
    (shipped / "skis-kopia.yaml").unlink()
    os.chmod(skis, 0o444)
    result = runner.invoke(app, ["plan-meetings", "skis", "2027", "--write"])
    assert result.exit_code == 2 and "filen är skrivskyddad" in result.stderr
    assert "2027-" not in skis.read_text(encoding="utf-8")


def test_plan_write_replaces_the_example_new_left_and_nothing_the_user_wrote(workspace: Path, runner) -> None:
    today = ["--today", "2026-11-22"]
    assert runner.invoke(app, ["new", "fritidshem", "--namn", "Fritidshem", *today]).exit_code == 0
    path = workspace / "missions" / "fritidshem.yaml"
    made = path.read_text(encoding="utf-8")
    example = (
        "  # Mötena, när de är bestämda (eller: uppdrag plan-meetings fritidshem 2027 --write):\n"
        "  # träffar:\n"
        "  #   - datum: 2027-02-05\n"
        '  #     start: "09:00"\n'
        '  #     slut: "12:00"\n'
        "  #     plats: Essunga\n"
    )
    assert made.endswith(example)
    result = runner.invoke(app, ["plan-meetings", "fritidshem", "2027", "--write", *today])
    assert (result.exit_code, result.stdout) == (0, "missions/fritidshem.yaml: 4 möten 2027 tillagda\n")
    written = path.read_text(encoding="utf-8")
    assert written == made[: -len(example)] + (
        "  träffar:\n"
        "    - datum: 2027-02-05\n"
        "    - datum: 2027-05-14\n"
        "    - datum: 2027-09-17\n"
        "    - datum: 2027-11-19\n"
    )
    # An example the user has begun to change is theirs: it stays, and the meetings come after it.
    mine = example.replace("plats: Essunga", "plats: Skövde, Kulturhuset")
    path.write_text(made[: -len(example)] + mine, encoding="utf-8")
    assert runner.invoke(app, ["plan-meetings", "fritidshem", "2027", "--write", *today]).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith(made[: -len(example)] + mine + "  träffar:\n")


def test_plan_meetings_and_import_force_keep_a_cr_only_file_cr_only(shipped: Path, runner) -> None:
    """Byte for byte what the same commands write into the file with "\n", with "\r" for it."""
    from uppdrag.cli import app

    path = shipped / "missions" / "forskola.yaml"
    original = path.read_bytes()
    written = {}
    for newline in (b"\n", b"\r"):
        path.write_bytes(original.replace(b"\n", newline))
        planned = runner.invoke(app, ["plan-meetings", "forskola", "2027", "--write", "--today", "2026-11-22"])
        assert planned.exit_code == 0, planned.output
        after_plan = path.read_bytes()
        imported = runner.invoke(
            app, ["import", str(TESTS / "seeds" / "forskola.txt"), "--id", "forskola", "--force", "--today", "2026-11-22"]
        )
        assert imported.exit_code == 0, imported.output
        written[newline] = (after_plan, path.read_bytes())
    assert b"\r" not in b"".join(written[b"\n"])
    assert written[b"\r"] == tuple(data.replace(b"\n", b"\r") for data in written[b"\n"])
    assert written[b"\r"][0].count(b"- datum: 2027-") == 4


def test_a_year_inside_the_period_gets_no_remark(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["plan-meetings", "grundskola", "2027", "--today", "2026-11-22"])
    assert (result.exit_code, result.stderr) == (0, "")  # kommande år: 2027
    result = runner.invoke(app, ["plan-meetings", "grundskola", "2028", "--today", "2026-11-22"])
    assert result.stderr == (
        "obs: 2028 ligger utanför uppdragsperioden kommande år (2027) i missions/grundskola.yaml; mötena planeras ändå\n"
    )
