"""uppdrag diff on a temporary git repository with a sequence of revisions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MISSIONS
from uppdrag.cli import app
from uppdrag.views.changes import word_diff


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MISSIONS, tmp_path / "missions")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Första versionen")
    monkeypatch.chdir(tmp_path)
    return tmp_path


MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()


def _commit_day(repo: Path, revision: str) -> str:
    """The commit's day as the diff's title writes it: '12 mars 2025'."""
    year, month, day = _git(repo, "show", "-s", "--format=%cs", revision).strip().split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def _dated_commit(repo: Path, message: str, when: str) -> None:
    """Commit everything with author and committer date `when` (ISO 8601)."""
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qam", message,
         f"--date={when}"],
        cwd=repo, check=True, capture_output=True, env={**os.environ, "GIT_COMMITTER_DATE": when},
    )  # fmt: skip


def _edit(repo: Path, old: str, new: str, commit: str | None = None) -> None:
    path = repo / "missions/forskola.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if commit:
        _git(repo, "commit", "-qam", commit)


def test_no_changes(repo: Path, runner) -> None:
    result = runner.invoke(app, ["diff", "forskola"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == ["Inga ändringar."]


def test_sequence_of_revisions(repo: Path, runner) -> None:
    _edit(
        repo,
        "        - Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete\n",
        "",
        commit="Ta bort ett uppdrag",
    )
    _edit(
        repo,
        "          förskolan.\n\nroller:",
        "          förskolan.\n        - Nätverket följer upp barnens språkutveckling.\n\nroller:",
        commit="Nytt uppdrag",
    )
    _edit(repo, "alla elever får rätt förutsättningar", "alla barn får rätt förutsättningar")  # not committed
    assert runner.invoke(app, ["diff", "forskola"]).stdout.splitlines() == [
        f"Ändringar i Förskola sedan forskola.yaml, {_commit_day(repo, 'HEAD')} ({_git(repo, 'rev-parse', 'HEAD')[:7]})",
        "",
        "Syfte",
        "  omformulerat: punkt: alla [-elever-] {+barn+} får rätt förutsättningar att nå kunskap och måloppfyllelse",
        "",
    ]
    first = _git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    lines = runner.invoke(app, ["diff", "forskola", first]).stdout.splitlines()
    assert lines[2:] == [
        "Syfte",
        "  omformulerat: punkt: alla [-elever-] {+barn+} får rätt förutsättningar att nå kunskap och måloppfyllelse",
        "",
        "Uppdrag",
        "  borttaget: uppdrag: Nätverket samarbetar och utbyter erfarenheter kring språkutvecklande arbete",
        "  tillagt: uppdrag: Nätverket följer upp barnens språkutveckling.",
        "",
    ]
    md = runner.invoke(app, ["diff", "forskola", "HEAD~1", "--format", "md"]).stdout
    assert "- **Tillagt** uppdrag: Nätverket följer upp barnens språkutveckling.\n" in md
    assert "- **Omformulerat** punkt: alla ~~elever~~ **barn** får rätt" in md


def test_reordered_keys_and_reformatting_are_no_change(repo: Path, runner) -> None:
    path = repo / "missions/forskola.yaml"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nsyfte:", 1)
    # Move `namn` to the end of the header and refold a long text onto one line.
    reordered = head.replace("namn: Förskola\n", "") + "\nnamn: Förskola\nsyfte:" + rest
    reordered = reordered.replace(
        "      - >-\n        Ansvarar för att återkoppla från skol- och utbildningschefsgruppen till nätverket, samt\n        återkoppla",
        "      - Ansvarar för att återkoppla från skol- och utbildningschefsgruppen till nätverket, samt återkoppla",
    )
    assert reordered != text
    path.write_text(reordered, encoding="utf-8")
    assert runner.invoke(app, ["validate"]).exit_code == 0
    assert runner.invoke(app, ["diff", "forskola"]).stdout.splitlines()[1:] == ["Inga ändringar."]


def test_roles_goals_rule_and_dates(repo: Path, runner) -> None:
    _edit(repo, "  fokus: [1, 2]\n", "  fokus: [1]\n")
    _edit(
        repo,
        "      - {namn: Emma Friman, kommun: Lidköping}\n  - roll: sekreterare",
        "      - {namn: Anna Berg, kommun: Skara}\n  - roll: sekreterare",
    )
    _edit(repo, "  veckodagar: [fredag]\n", "  veckodagar: [torsdag]\n")
    _edit(repo, "bakgrund: strategi-2023-2026\n", "bakgrund: strategi-2023-2026\nreviderad: 2026-11-01\n")
    lines = runner.invoke(app, ["diff", "forskola"]).stdout.splitlines()
    assert lines[2:] == [
        "Allmänt",
        "  ändrat: reviderad: – → 2026-11-01",
        "",
        "Syfte",
        "  borttaget: fokus: Prioriterat utvecklingsområde 2: Kompetensförsörjning för en arbetsmarknadsregion där utbud och efterfrågan är i balans",
        "",
        "Roller och ansvar",
        "  borttaget: person (ordförande): Emma Friman, Lidköping",
        "  tillagt: person (ordförande): Anna Berg, Skara",
        "",
        "Möten",
        "  ändrat: mötesregel: Minst 4 möten per år på fredagar. → Minst 4 möten per år på torsdagar.",
        "",
    ]


def test_members_titles_and_term_rules(repo: Path, runner) -> None:
    _edit(repo, "{namn: Bånita Kron, kommun: Tibro}", "{namn: Bånita Kron, kommun: Tibro, titel: förskolechef}")
    _edit(repo, "  - {del: möten, rubrik: Möten}\n", "  - {del: medlemmar}\n  - {del: möten, rubrik: Möten}\n")
    _edit(repo, "\nmöten:\n", "\nmedlemmar:\n  - {namn: Eva Ek, kommun: Hjo}\n\nmöten:\n")
    _edit(
        repo, "  minst_per_år: 4\n  veckodagar: [fredag]\n", "  minst_per_termin: 2\n  veckodagar: [torsdag, fredag]\n"
    )
    lines = runner.invoke(app, ["diff", "forskola"]).stdout.splitlines()
    assert lines[2:] == [
        "Roller och ansvar",
        "  borttaget: person (presidium): Bånita Kron, Tibro",
        "  tillagt: person (presidium): Bånita Kron, förskolechef, Tibro",
        "",
        "Nätverkets medlemmar",
        "  tillagt: medlem: Eva Ek, Hjo",
        "",
        "Möten",
        "  ändrat: mötesregel: Minst 4 möten per år på fredagar. → Minst 2 möten per termin på torsdagar eller fredagar.",
        "",
    ]


def test_compare_with_a_file(repo: Path, runner) -> None:
    old = repo / "gammal.yaml"
    old.write_text(
        (repo / "missions/forskola.yaml").read_text(encoding="utf-8").replace("period: 2023–2026", "period: 2019–2022"),
        encoding="utf-8",
    )
    lines = runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml"]).stdout.splitlines()
    assert lines == [
        "Ändringar i Förskola jämfört med gammal.yaml",
        "",
        "Uppdrag",
        "  ändrat: period: 2019–2022 → 2023–2026",
        "",
    ]


def test_unknown_revision(repo: Path, runner) -> None:
    result = runner.invoke(app, ["diff", "forskola", "finns-inte"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: okänd revision 'finns-inte'; ange ett datum (`--sedan ÅÅÅÅ-MM-DD`) eller en incheckning som "
        "`git log --oneline -- missions/forskola.yaml` visar\n",
    )


def test_a_huge_file_in_history_is_refused_by_its_size_before_it_is_read(repo: Path, runner) -> None:
    path = repo / "missions/ka.yaml"
    before = path.read_bytes()
    path.write_bytes(before + b" " * (3 * 1024 * 1024))  # valid YAML still: trailing spaces
    _git(repo, "commit", "-qam", "Uppblåst")
    path.write_bytes(before)
    _git(repo, "commit", "-qam", "Återställd")
    result = runner.invoke(app, ["diff", "ka", "HEAD~1"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: kan inte läsa missions/ka.yaml i revision 'HEAD~1': filen är för stor (3,0 MB; högst 1 MB)\n",
    )
    (repo / "stor.yaml").write_bytes(before + b" " * (3 * 1024 * 1024))
    on_disk = runner.invoke(app, ["diff", "ka", "--file", "stor.yaml"])  # the same cap, the same words
    assert (on_disk.exit_code, on_disk.stderr) == (
        2,
        "fel: kan inte läsa 'stor.yaml': filen är för stor (3,0 MB; högst 1 MB)\n",
    )
    assert runner.invoke(app, ["diff", "ka", "HEAD~2"]).exit_code == 0  # the first version, under the cap


def test_the_cap_on_history_is_the_cap_on_files(repo: Path, runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from uppdrag import limits

    path = repo / "missions/ka.yaml"
    before = path.read_bytes()
    path.write_bytes(before + b" " * 100)
    _git(repo, "commit", "-qam", "Hundra byte till")
    path.write_bytes(before)
    _git(repo, "commit", "-qam", "Återställd")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", len(before) + 100)  # exactly the old file: still read
    assert runner.invoke(app, ["diff", "ka", "HEAD~1"]).exit_code == 0
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", len(before) + 99)  # one byte less: the file on disk still fits
    result = runner.invoke(app, ["diff", "ka", "HEAD~1"])
    assert result.exit_code == 2
    assert result.stderr.startswith("fel: kan inte läsa missions/ka.yaml i revision 'HEAD~1': filen är för stor (")


def test_outside_git(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["diff", "forskola"])
    assert result.exit_code == 2
    assert result.stderr == "fel: missions ligger inte i ett git-förråd; jämför med en fil med --file\n"


def test_file_new_since_revision(repo: Path, runner) -> None:
    shutil.copy(repo / "missions/ka.yaml", repo / "missions/ka2.yaml")
    _edit_path = repo / "missions/ka2.yaml"
    _edit_path.write_text(_edit_path.read_text(encoding="utf-8").replace("id: ka", "id: ka2"), encoding="utf-8")
    result = runner.invoke(app, ["diff", "ka2", "HEAD"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: missions/ka2.yaml finns inte i revision 'HEAD'; välj en senare eller jämför med en fil: "
        "`--file GAMMAL.yaml`\n",
    )


def test_file_never_committed(repo: Path, runner) -> None:
    shutil.copy(repo / "missions/ka.yaml", repo / "missions/ka2.yaml")
    _edit_path = repo / "missions/ka2.yaml"
    _edit_path.write_text(_edit_path.read_text(encoding="utf-8").replace("id: ka", "id: ka2"), encoding="utf-8")
    result = runner.invoke(app, ["diff", "ka2"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: missions/ka2.yaml finns inte i någon incheckning; checka in den (`git add missions/ka2.yaml` och "
        "`git commit`) eller jämför med en fil: `--file GAMMAL.yaml`\n",
    )


def test_word_diff() -> None:
    assert word_diff("a b c d", "a x c d e") == [("=", "a"), ("-", "b"), ("+", "x"), ("=", "c d"), ("+", "e")]


def test_invalid_old_version_is_located(repo: Path, runner) -> None:
    (repo / "gammal.yaml").write_text("id: forskola\nnamn: [\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml"])
    assert result.exit_code == 1
    assert result.stderr == (
        "gammal.yaml:3:1: fel: ogiltig YAML: hittade inget värde där ett väntades (oavslutad lista?)\n"
        "fel: den gamla versionen (gammal.yaml) är inte en giltig uppdragsbeskrivning\n"
    )


def test_since_a_date_compares_with_the_version_in_force_that_day(repo: Path, runner) -> None:
    # The fixture's first commit is today; make a dated history after it: March 2025, then June 2025.
    _edit(repo, "alla elever får rätt förutsättningar", "alla barn får rätt förutsättningar")
    _dated_commit(repo, "Barn, inte elever", "2025-03-12T10:00:00+01:00")
    _edit(repo, "alla barn får rätt förutsättningar", "alla barn får goda förutsättningar")
    _dated_commit(repo, "Goda förutsättningar", "2025-06-02T10:00:00+02:00")
    march = _git(repo, "rev-list", "-1", "HEAD~1").strip()
    lines = runner.invoke(app, ["diff", "forskola", "--sedan", "2025-04-01"]).stdout.splitlines()
    assert lines == [
        f"Ändringar i Förskola sedan forskola.yaml, 12 mars 2025 ({march[:7]})",
        "",
        "Syfte",
        "  omformulerat: punkt: alla barn får [-rätt-] {+goda+} förutsättningar att nå kunskap och måloppfyllelse",
        "",
    ]


def test_since_a_date_before_the_file_names_the_oldest_version(repo: Path, runner) -> None:
    first = _git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    result = runner.invoke(app, ["diff", "forskola", "--sedan", "2020-01-01"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"fel: forskola.yaml fanns inte i git före 2020-01-01; den äldsta versionen är från "
        f"{_git(repo, 'show', '-s', '--format=%cs', first).strip()}: `uppdrag diff forskola {first[:7]}`\n",
    )


def test_since_needs_a_date(repo: Path, runner) -> None:
    result = runner.invoke(app, ["diff", "forskola", "--sedan", "i fjol"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: --sedan: ogiltigt datum 'i fjol'; skriv ÅÅÅÅ-MM-DD, t.ex. --sedan 2025-01-01\n",
    )


def test_an_extended_sentence_is_reworded_not_removed_and_added() -> None:
    from uppdrag.views.changes import compare_texts

    [change] = compare_texts(
        "Uppdrag",
        "uppdrag",
        ["Årlig uppdatering av handboken."],
        ["Årlig uppdatering av handboken och av rutinerna för KA-registret."],
    )
    assert (change.kind, change.old, change.new) == (
        "reworded",
        "Årlig uppdatering av handboken.",
        "Årlig uppdatering av handboken och av rutinerna för KA-registret.",
    )
    assert change.words == [
        ("=", "Årlig uppdatering av"),
        ("-", "handboken."),
        ("+", "handboken och av rutinerna för KA-registret."),
    ]


def test_compare_every_cell_of_the_meeting_table(repo: Path, runner) -> None:
    current = repo / "missions/forskola.yaml"
    text = current.read_text(encoding="utf-8")
    table = (
        "  träffar:\n"
        '    - {datum: 2027-02-05, start: "09:00", slut: "12:00", plats: Skövde, närvarande: [Vara], '
        'minnesanteckningar: "https://utbildningskaraborg.se/a"}\n'
        "    - {datum: 2027-03-12}\n"
    )
    (repo / "gammal.yaml").write_text(text + table, encoding="utf-8")
    current.write_text(
        text
        + table.replace('"09:00", slut: "12:00", plats: Skövde, närvarande: [Vara]', '"13:00", plats: Lidköping')
        .replace("/a", "/b")
        .replace("{datum: 2027-03-12}", '{datum: 2027-03-12, start: "10:00", slut: "11:30"}'),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [(c["subject"], c["old"], c["new"]) for c in json.loads(result.stdout)["changes"]] == [
        ("möte 2027-02-05, tid", "09:00–12:00", "13:00"),
        ("möte 2027-02-05, plats", "Skövde", "Lidköping"),
        ("möte 2027-02-05, närvarande", "Vara", "–"),
        ("möte 2027-02-05, minnesanteckningar", "https://utbildningskaraborg.se/a", "https://utbildningskaraborg.se/b"),
        ("möte 2027-03-12, tid", "–", "10:00–11:30"),
    ]


def test_long_texts_are_compared_whole_not_word_by_word() -> None:
    from uppdrag.views.changes import MAX_WORD_PAIRS, similarity, word_diff

    old = " ".join(f"ord{n}" for n in range(600))
    new = " ".join(f"ord{n}" for n in range(1, 601))
    assert MAX_WORD_PAIRS < 600 * 600
    assert word_diff(old, new) == [("-", old), ("+", new)]
    assert similarity(old, new) == 599 / 600  # the words they share, whatever their order
    assert word_diff("a b c", "a x c") == [("=", "a"), ("-", "b"), ("+", "x"), ("=", "c")]


OWN = (
    "bakgrund: strategi-2023-2026\n"
    "bakgrund_egen:\n"
    "  rubrik: Utbildning Skaraborg – organiserad samverkan för utveckling\n"
    "  stycken:\n"
    "    - Skaraborgs Kommunalförbund samordnar utveckling med kommunerna, och forskningsbevakning.\n"
    "    - mållista: strategi-2023-2026\n"
)


def test_own_background_come_reworded_and_gone(repo: Path, runner) -> None:
    _edit(repo, "bakgrund: strategi-2023-2026\n", OWN, commit="Egen bakgrund")
    lines = runner.invoke(app, ["diff", "forskola", "HEAD~1"]).stdout.splitlines()
    subject = "egen version av den gemensamma bakgrunden 'strategi-2023-2026'"
    assert lines[2:4] == ["Bakgrund", f"  tillagt: {subject}: ersätter den gemensamma texten"]
    assert lines[4].startswith(
        f"  borttaget: {subject}: Skaraborgs Kommunalförbund har, baserat på sin förbundsordning"
    )
    assert (
        f"  tillagt: {subject}: Skaraborgs Kommunalförbund samordnar utveckling med kommunerna, och forskningsbevakning."
        in lines
    )
    assert not any("Fullföljd utbildning" in line for line in lines)  # the goal list is the same

    _edit(repo, "och forskningsbevakning.", "och omvärldsbevakning.", commit="Omformulerad")
    assert runner.invoke(app, ["diff", "forskola", "HEAD~1"]).stdout.splitlines()[2:] == [
        "Bakgrund",
        f"  omformulerat: {subject}: Skaraborgs Kommunalförbund samordnar utveckling med kommunerna, och "
        "[-forskningsbevakning.-] {+omvärldsbevakning.+}",
        "",
    ]
    _edit(repo, OWN.replace("forskningsbevakning", "omvärldsbevakning"), "bakgrund: strategi-2023-2026\n")
    lines = runner.invoke(app, ["diff", "forskola"]).stdout.splitlines()
    assert lines[3] == f"  borttaget: {subject}: den gemensamma texten gäller igen"
    found = json.loads(runner.invoke(app, ["diff", "forskola", "--format", "json"]).stdout)
    assert found["changes"][0]["kind"] == "removed" and found["changes"][0]["subject"] == subject


def test_a_renamed_section_heading(repo: Path, runner) -> None:
    _edit(repo, "  - {del: möten, rubrik: Möten}\n", "  - {del: möten, rubrik: Möten och dokumentation}\n")
    _edit(repo, "  - {del: syfte, rubrik: Uppdrag}\n", "  - {del: syfte}\n")  # the heading left out
    lines = runner.invoke(app, ["diff", "forskola"]).stdout.splitlines()
    assert lines[2:] == [
        "Syfte",
        "  ändrat: rubrik: Uppdrag → –",
        "",
        "Möten",
        "  ändrat: rubrik: Möten → Möten och dokumentation",
        "",
    ]


def test_diff_of_a_revision_that_is_not_utf8_names_git_not_none(shipped: Path, runner) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=shipped, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "första")
    path = shipped / "missions" / "forskola.yaml"
    original = path.read_bytes()
    path.write_bytes(original.replace("Förskola".encode(), "F\xf6rskola".encode("latin-1")))
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "latin-1")
    path.write_bytes(original)
    result = runner.invoke(app, ["diff", "forskola"])
    assert result.exit_code == 2
    assert result.stderr.startswith("fel: git gav text som inte är UTF-8 (git show ")
    assert "None" not in result.stderr


def test_past_the_pairing_budget_rewordings_are_removed_and_added_said_once(
    repo: Path, runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uppdrag.views import changes

    old = repo / "gammal.yaml"
    old.write_text(
        (repo / "missions/forskola.yaml")
        .read_text(encoding="utf-8")
        .replace("nå kunskap och måloppfyllelse", "nå kunskap och god måloppfyllelse")
        .replace("informerar skolchefsrepresentanten.", "informerar skolchefen."),
        encoding="utf-8",
    )
    reworded = runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml"]).stdout.splitlines()
    assert (
        reworded[3]
        == "  omformulerat: punkt: alla elever får rätt förutsättningar att nå kunskap och [-god-] måloppfyllelse"
    )
    assert (
        reworded[6]
        == "  omformulerat: ansvar för presidium: Sammanställer och informerar [-skolchefen.-] {+skolchefsrepresentanten.+}"
    )

    monkeypatch.setattr(changes, "PAIRING_WORD_PAIRS", 0)
    result = runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Ändringar i Förskola jämfört med gammal.yaml",
        "",
        "Syfte",
        "  obs: punkt: för många stycken för att para ihop omformuleringar; visas som borttagna och tillagda",
        "  borttaget: punkt: alla elever får rätt förutsättningar att nå kunskap och god måloppfyllelse",
        "  tillagt: punkt: alla elever får rätt förutsättningar att nå kunskap och måloppfyllelse",
        "",
        "Roller och ansvar",
        "  borttaget: ansvar för presidium: Sammanställer och informerar skolchefen.",
        "  tillagt: ansvar för presidium: Sammanställer och informerar skolchefsrepresentanten.",
        "",
    ]
    found = json.loads(runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml", "--format", "json"]).stdout)
    assert [c["kind"] for c in found["changes"]] == ["unpaired", "removed", "added", "removed", "added"]
    markdown = runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml", "--format", "md"]).stdout
    assert (
        "- **Obs** punkt: för många stycken för att para ihop omformuleringar; visas som borttagna och tillagda\n"
        in markdown
    )


def test_a_meeting_added_or_removed_is_shown_with_its_time_and_place(repo: Path, runner) -> None:
    current = repo / "missions/forskola.yaml"
    text = current.read_text(encoding="utf-8")
    (repo / "gammal.yaml").write_text(text + "  träffar:\n    - {datum: 2027-01-15, plats: Skövde}\n", encoding="utf-8")
    added = '  träffar:\n    - {datum: 2027-02-05, start: "09:00", slut: "12:00", plats: "Borås, Stadshuset"}\n'
    current.write_text(text + added, encoding="utf-8")
    shown = {
        output_format: runner.invoke(app, ["diff", "forskola", "--file", "gammal.yaml", "--format", output_format])
        for output_format in ("text", "md", "json")
    }
    assert all(result.exit_code == 0 for result in shown.values())
    assert shown["text"].stdout.splitlines()[-4:] == [
        "Möten",
        "  borttaget: möte: 2027-01-15, Skövde",
        "  tillagt: möte: 2027-02-05 09:00–12:00, Borås, Stadshuset",
        "",
    ]
    assert "- **Tillagt** möte: 2027-02-05 09:00–12:00, Borås, Stadshuset" in shown["md"].stdout.splitlines()
    assert [(c["kind"], c["old"], c["new"]) for c in json.loads(shown["json"].stdout)["changes"]] == [
        ("removed", "2027-01-15, Skövde", None),
        ("added", None, "2027-02-05 09:00–12:00, Borås, Stadshuset"),
    ]
