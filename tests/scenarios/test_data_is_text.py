"""Data that fights back, end to end: CSV formulas, Unicode forms, duplicate dates, narrow
terminals, and -o in every command."""

from __future__ import annotations

import datetime as dt
import os
import stat
import unicodedata
from pathlib import Path

import icalendar

from tests.conftest import MINIMAL_MISSION, TODAY
from uppdrag.cli import app
from uppdrag.models import Mission
from uppdrag.output.ical import meeting_uid, meetings_calendar
from uppdrag.output.overview import csv_cell


def test_csv_cells_that_excel_would_run_are_neutralised() -> None:
    cells = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "Förskola", 7, -5]
    assert [csv_cell(c) for c in cells] == [
        "'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "Förskola", 7, -5,
    ]  # fmt: skip


def test_overview_csv_neutralises_a_formula_name(shipped: Path, runner) -> None:
    path = shipped / "missions" / "ka.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("namn: KA", 'namn: "=1+1"'), encoding="utf-8")
    result = runner.invoke(app, ["overview", "--format", "csv", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert ";'=1+1;" in result.stdout


def test_a_decomposed_municipality_is_the_same_name(workspace: Path, runner) -> None:
    decomposed = unicodedata.normalize("NFD", "Lidköping")
    assert decomposed != "Lidköping"
    text = MINIMAL_MISSION.format(id="nfd") + f"    personer:\n      - {{namn: Anna, kommun: {decomposed}}}\n"
    (workspace / "missions" / "nfd.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--today", TODAY])
    assert result.exit_code == 0, result.output


def test_two_meetings_on_one_day_get_two_uids() -> None:
    mission = Mission.model_validate(
        {
            "id": "n", "namn": "N", "styrdokument": "s", "bakgrund": "b", "syfte": {"text": ["x"]},
            "uppdrag": {"period": "2024", "grupper": [{"punkter": ["x"]}]},
            "roller": [{"roll": "ordförande", "ansvar": ["x"]}],
            "möten": {"träffar": [{"datum": "2024-02-02"}, {"datum": "2024-02-02", "start": "13:00"}]},
        }
    )  # fmt: skip
    calendar = icalendar.Calendar.from_ical(meetings_calendar(mission, 2024, dt.datetime(2024, 1, 1)))
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert uids == [meeting_uid("n", dt.date(2024, 2, 2)), meeting_uid("n", dt.date(2024, 2, 2), 2)]
    assert len(set(uids)) == 2


def test_the_last_day_a_date_can_have_exports() -> None:
    mission = Mission.model_validate(
        {
            "id": "n", "namn": "N", "styrdokument": "s", "bakgrund": "b", "syfte": {"text": ["x"]},
            "uppdrag": {"period": "2024", "grupper": [{"punkter": ["x"]}]},
            "roller": [{"roll": "ordförande", "ansvar": ["x"]}],
            "möten": {"träffar": [{"datum": "9999-12-31"}, {"datum": "9999-12-31", "start": "23:30"}]},
        }
    )  # fmt: skip
    calendar = icalendar.Calendar.from_ical(meetings_calendar(mission, None, dt.datetime(2024, 1, 1)))
    assert len(list(calendar.walk("VEVENT"))) == 2


def test_columns_zero_still_shows_every_finding(workspace: Path) -> None:
    import subprocess
    import sys

    (workspace / "missions" / "trasig.yaml").write_text(
        MINIMAL_MISSION.format(id="trasig") + "okänd: 1\n", encoding="utf-8"
    )
    env = {**os.environ, "COLUMNS": "0", "NO_COLOR": "1"}
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "uppdrag"), "validate", "--today", TODAY],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "missions/trasig.yaml:14:1: fel: okänd: okänd nyckel 'okänd'" in proc.stdout


def test_dash_means_stdout_and_a_device_stays_a_device(shipped: Path, runner) -> None:
    for args in (["calendar", "forskola", "-o", "-"], ["schema", "-o", "-"], ["overview", "-o", "-", "--format", "md"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert not (shipped / "-").exists()
    result = runner.invoke(app, ["calendar", "forskola", "-o", "/dev/null"])
    assert result.exit_code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_overview_writes_a_file_in_every_format(shipped: Path, runner) -> None:
    for fmt in ("text", "json", "csv", "md"):
        result = runner.invoke(app, ["overview", "--format", fmt, "-o", f"oversikt.{fmt}", "--today", TODAY])
        assert result.exit_code == 0, result.output
        assert result.stdout == f"oversikt.{fmt}\n"
        assert "forskola" in (shipped / f"oversikt.{fmt}").read_text(encoding="utf-8-sig")
