"""The whole check of `uppdrag validate`, and the workspaces the other commands open through it."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

from uppdrag.check.meetings import school_calendar
from uppdrag.check.rules import check_mission, check_shared, check_workspace, duplicate_ids
from uppdrag.check.schema_freshness import stale_schemas
from uppdrag.check.swedish_calendar import SchoolCalendar
from uppdrag.errors import FindingsError, UsageError
from uppdrag.findings import CheckResult, Finding, Location
from uppdrag.models import join_swedish
from uppdrag.read.loading import (
    Workspace,
    group_paths,
    is_shared_file,
    load_workspace,
    missing_folder_message,
    mission_paths,
    not_yaml_files,
    read_file,
    yaml_files,
)


def validate_paths(paths: list[Path] | None, today: dt.date, missions: Path = Path("missions")) -> CheckResult:
    """Check folders and files (none named: the missions folder); a file is checked with the
    shared `_` files of its folder."""
    if not paths:
        if not missions.is_dir():
            raise UsageError(missing_folder_message(missions))
        paths = [missions]
    files: list[str] = []
    paths, findings = not_yaml_files(paths)
    for folder, only in group_paths(paths).items():
        checked = _validate_folder(folder, only, today)
        files += checked.files
        findings += checked.findings
    if not files and not findings:
        where = ", ".join(str(p) for p in paths)
        raise UsageError(f"inga YAML-filer att kontrollera i {where}; uppdragsfilerna heter t.ex. forskola.yaml")
    return CheckResult(files, findings)


PARALLEL_FROM = 200  # files: below this, starting worker processes costs more than it saves
# One mission file checked: its path, the reading findings, the rules' findings, and (id, where) for the id check.
Checked = tuple[str, list[Finding], list[Finding], tuple[str, Location] | None]


def _validate_folder(folder: Path, only: list[Path] | None, today: dt.date) -> CheckResult:
    """One folder, a mission file at a time: each is read, checked against the shared files
    and let go, so a folder of thousands is never held in memory at once. The findings come
    in the order of a whole-workspace check: reading problems first, then the rules."""
    workspace, read = load_workspace(folder, only=[])  # the shared files
    mission_files = [p for p in yaml_files(folder) if not is_shared_file(p)] if only is None else only
    check = functools.partial(_check_file, workspace, today, school_calendar(workspace))
    checked = list(
        _in_parallel(check, mission_files) if len(mission_files) >= PARALLEL_FROM else map(check, mission_files)
    )
    rules = check_shared(workspace) + stale_schemas(workspace)
    for _, file_read, file_rules, _identity in checked:
        read += file_read
        rules += file_rules
    rules += duplicate_ids([identity for *_, identity in checked if identity])
    return CheckResult([str(p) for p in workspace.files] + [path for path, *_ in checked], read + rules)


def _check_file(workspace: Workspace, today: dt.date, calendar: SchoolCalendar, path: Path) -> Checked:
    alone = Workspace(
        workspace.folder,
        shared=workspace.shared,
        broken_shared=workspace.broken_shared,
        organisation=workspace.organisation,
    )
    read = read_file(path, alone)
    if not alone.missions:
        return str(path), read, [], None
    [loaded] = alone.missions
    rules = check_mission(loaded, workspace, today, calendar=calendar)
    # Only what the id check needs goes back: the model itself is dropped here.
    return str(path), read, rules, (loaded.mission.id, loaded.source.locate("id"))


def _in_parallel(check: Callable[[Path], Checked], paths: list[Path]) -> list[Checked]:
    """check over paths on all cores, results in the order of paths. The workers are forked,
    so check (with the workspace it holds) reaches them unpickled."""
    from uppdrag.workers import cores_for, forked_map  # only a large folder pays for these

    return forked_map(check, paths, cores_for(len(paths)))


def open_workspace(folder: Path, today: dt.date, only: list[Path] | None = None) -> tuple[Workspace, CheckResult]:
    """A workspace for the other commands, with what validate would say of it, but for the
    entered meetings' dates: check-meetings judges those, and a PDF need not wait for them."""
    workspace, findings = load_workspace(folder, only)
    findings += check_workspace(workspace, today, meetings=False)
    return workspace, CheckResult([str(p) for p in workspace.files], findings)


def validate_replacement(path: Path, text: str, today: dt.date) -> CheckResult:
    """What validate would say if path held text: checked before a write replaces the file.
    Meeting dates are left out: a meeting already on a holiday must not block adding others."""
    workspace, findings = load_workspace(path.parent, only=[])
    findings += read_file(path, workspace, text)
    findings += check_workspace(workspace, today, meetings=False)
    return CheckResult([str(p) for p in workspace.files], findings)


def open_valid_workspace(folder: Path, today: dt.date, ids: list[str] | None = None) -> Workspace:
    """The workspace for a command, with only the networks named in ids (None: all of them)
    beside the shared files, so a command about one network does not read the whole folder.
    FindingsError if what was read has errors."""
    workspace, result = open_workspace(folder, today, None if ids is None else mission_paths(folder, ids))
    if result.errors:
        raise _fix_first(result)
    return workspace


def open_healthy_workspace(folder: Path, today: dt.date) -> tuple[Workspace, CheckResult]:
    """The workspace for a command over all networks: one broken file never stops the rest.

    Every network whose file has an error is left out (listed in workspace.skipped) and the
    others are kept, so the command makes what it can; the result is what validate says of
    all that was read, for the command to show at its end (`raise_if_skipped`). A broken shared
    `_` file still stops everything: every network takes its steering document, background
    and school breaks from them, so nothing made without it would be right. So does a folder
    where no network is left: there is nothing to make."""
    workspace, result = open_workspace(folder, today)
    broken = {f.location.file for f in result.findings if f.is_error}
    healthy = [m for m in workspace.missions if m.source.display not in broken]
    if any(is_shared_file(Path(name)) for name in broken) or (broken and not healthy):
        raise _fix_first(result)
    workspace.missions = healthy
    workspace.skipped = [p for p in workspace.files if str(p) in broken]
    return workspace, result


def open_networks(folder: Path, today: dt.date, ids: list[str] | None) -> tuple[Workspace, CheckResult]:
    """The networks named in ids, each of which must be right (open_valid_workspace); or, with
    no ids, every network without errors (open_healthy_workspace). The result is for
    raise_if_skipped at the command's end."""
    if ids is None:
        return open_healthy_workspace(folder, today)
    return open_valid_workspace(folder, today, ids), CheckResult([], [])


MAX_NAMED = 3  # skipped files named in the closing line; more are counted (their errors name them all)


def raise_if_skipped(workspace: Workspace, result: CheckResult) -> None:
    """How a command over all networks ends when it left broken files out, after making the
    rest: their errors, as validate words them, and exit 1 (FindingsError)."""
    if not workspace.skipped:
        return
    names = [str(p) for p in workspace.skipped]
    left_out = join_swedish(names) if len(names) <= MAX_NAMED else f"{len(names)} nätverk"
    also = "; uppdrag validate visar också varningarna" if result.warnings else ""
    message = f"Hoppade över {left_out}; de andra nätverken är med. Rätta felen och kör igen{also}."
    raise FindingsError(message, result, summarise=True)


def _fix_first(result: CheckResult) -> FindingsError:
    # The errors are shown; the warnings, which did not stop it, are counted.
    also = "; uppdrag validate visar också varningarna" if result.warnings else ""
    return FindingsError(f"Rätta felen först{also}.", result, summarise=True)


def draft_warnings(workspace: Workspace, today: dt.date) -> dict[str, list[Finding]]:
    """Each mission's own warnings (FYLL I left, an ended period, …) by id, in file order.

    A document with any is unfinished: `render` warns, marks it UTKAST, and `--strict` refuses it.
    """
    findings = sorted(
        (f for f in check_workspace(workspace, today, meetings=False) if not f.is_error), key=Finding.sort_key
    )
    return {
        loaded.mission.id: [f for f in findings if f.location.file == loaded.source.display]
        for loaded in workspace.missions
    }
