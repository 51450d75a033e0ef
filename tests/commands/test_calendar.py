"""uppdrag calendar: the iCalendar file it writes, where it may write it, and its usage errors."""

from __future__ import annotations

import os
from pathlib import Path

import icalendar
import pytest

from uppdrag.cli import app


def test_calendar_never_replaces_a_mission_named_in_another_case(shipped: Path, runner) -> None:

    missions = shipped / "missions"
    before = (missions / "ka.yaml").read_bytes()
    os.link(missions / "ka.yaml", missions / "KA.YAML")  # the one file a case-insensitive volume shows
    read = runner.invoke(app, ["calendar", "ka", "-o", "missions/KA.YAML"])  # ka.yaml is read
    assert (read.exit_code, read.stderr) == (
        2,
        "fel: 'missions/KA.YAML' är en av verktygets egna indatafiler (missions/ka.yaml); välj en annan utdatafil\n",
    )
    other = runner.invoke(app, ["calendar", "forskola", "-o", "missions/KA.YAML"])  # not read, still YAML
    assert (other.exit_code, other.stderr) == (
        2,
        "fel: 'missions/KA.YAML' är en YAML-fil eller mall; uppdrag skriver aldrig över en sådan med -o\n",
    )
    assert (missions / "ka.yaml").read_bytes() == before and os.stat(missions / "ka.yaml").st_nlink == 2


def test_a_calendar_never_lands_among_the_mission_files(shipped: Path, runner) -> None:
    result = runner.invoke(app, ["calendar", "forskola", "2027", "-o", "missions/kalender.yaml"])
    assert (result.exit_code, result.stderr) == (
        2,
        "fel: 'missions/kalender.yaml' skulle hamna bland uppdragsfilerna, som verktyget läser; "
        "välj en annan utdatafil\n",
    )
    assert not (shipped / "missions/kalender.yaml").exists()


def test_calendar_cli_writes_file(shipped: Path, runner) -> None:
    runner.invoke(app, ["plan-meetings", "skis", "2027", "--write"])
    result = runner.invoke(app, ["calendar", "skis", "2027", "-o", "skis.ics"])
    assert (result.exit_code, result.stdout) == (0, "skis.ics\n")
    events = icalendar.Calendar.from_ical((shipped / "skis.ics").read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in events] == [
        "2027-02-05",
        "2027-05-14",
        "2027-09-17",
        "2027-11-19",
    ]
    assert b"COMMENT" not in (shipped / "skis.ics").read_bytes()  # no English note from the library


def test_calendar_all_writes_every_networks_meetings(shipped: Path, runner) -> None:
    for network in ("skis", "forskola"):
        runner.invoke(app, ["plan-meetings", network, "2027", "--write"])
    result = runner.invoke(app, ["calendar", "--all", "2027", "-o", "alla.ics"])
    assert (result.exit_code, result.stdout) == (0, "alla.ics\n")
    calendar = icalendar.Calendar.from_ical((shipped / "alla.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Alla nätverks möten"
    assert [str(e["UID"]).split("-2027")[0] for e in calendar.walk("VEVENT")] == ["forskola"] * 4 + ["skis"] * 4
    everything = runner.invoke(app, ["calendar", "--all"])
    assert everything.exit_code == 0 and everything.stdout_bytes.count(b"BEGIN:VEVENT") == 8


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["calendar"], "fel: ange ett id eller --all; kända id: forskola, grundskola, ka, sarskola, skis\n"),
        (["calendar", "skis", "--all"], "fel: ange antingen id eller --all, inte båda\n"),
        (["calendar", "--all", "1800"], "fel: ÅR ska vara ett år från 1900 till 2200 — du skrev '1800'\n"),
    ],
)
def test_calendar_needs_one_id_or_all(argv: list[str], message: str, shipped: Path, runner) -> None:
    result = runner.invoke(app, argv)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
