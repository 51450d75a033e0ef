"""Benchmarks: each row of the speed table as a ratio to its baseline, measured in one run.

    make bench            # or: .venv/bin/python benchmarks/run.py [--only validate,render] [--count 1000]

Every figure is the shortest of several runs of a whole process (what a person waits for),
uppdrag and its baseline taking turns; what matters is the ratio, since both run on the same
machine at the same time.
Timing belongs here, never in the tests.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MISSIONS = REPO / "missions"


@dataclass(frozen=True)
class Row:
    """One line of the speed table. The ratio is uppdrag's time over the baseline's (lower is
    better), or for a `faster` row how many times faster uppdrag is (higher is better)."""

    name: str
    seconds: float
    baseline_name: str
    baseline_seconds: float
    goal: float
    faster: bool = False

    @property
    def ratio(self) -> float:
        return self.baseline_seconds / self.seconds if self.faster else self.seconds / self.baseline_seconds

    @property
    def met(self) -> bool:
        return self.ratio >= self.goal if self.faster else self.ratio <= self.goal


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired_times(ours: Callable[[], object], baseline: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The shortest time of each, run in turns after one warm-up each. A shared machine only
    ever adds time (other tenants, steal), and adds it unevenly: the shortest of several runs
    is the cost of the work itself, and turns let both sides see the same machine."""
    ours(), baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        times[0].append(_seconds(ours))
        times[1].append(_seconds(baseline))
    return min(times[0]), min(times[1])


def run(*argv: str | Path, cwd: Path | None = None) -> None:
    proc = subprocess.run([str(a) for a in argv], check=False, capture_output=True, cwd=cwd)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, argv))} failed: {proc.stderr.decode()[-500:]}")


def python(code: str, cwd: Path | None = None) -> Callable[[], None]:
    return lambda: run(sys.executable, "-c", code, cwd=cwd)


def make_workspace(root: Path, count: int) -> Path:
    """The shipped missions plus count valid copies of forskola, varied, beside the shared files."""
    folder = root / "missions"
    shutil.copytree(MISSIONS, folder)
    template = (MISSIONS / "forskola.yaml").read_text(encoding="utf-8")
    for index in range(count):
        mission_id = f"natverk-{index:04d}"
        text = template.replace("id: forskola", f"id: {mission_id}").replace("namn: Förskola", f"namn: Nätverk {index}")
        (folder / f"{mission_id}.yaml").write_text(text, encoding="utf-8")
    return folder


def bench_validate(root: Path, count: int) -> list[Row]:
    folder = make_workspace(root / "validate", count)
    compose = python(
        "import glob, yaml\n"
        f"for p in sorted(glob.glob({str(folder / '*.yaml')!r})):\n"
        "    yaml.compose(open(p, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n"
    )
    ours, baseline = paired_times(lambda: run(BIN / "uppdrag", "validate", folder), compose, 9)
    return [Row(f"validate, {count + 8} filer", ours, "PyYAML CSafeLoader compose", baseline, 2)]


def bench_jsonschema(root: Path, count: int) -> list[Row]:
    folder = make_workspace(root / "jsonschema", 500)
    files = sorted(str(p) for p in folder.glob("*.yaml") if not p.name.startswith("_"))
    schema = REPO / "schemas" / "uppdrag.schema.json"
    check_jsonschema = lambda: run(BIN / "check-jsonschema", "--schemafile", schema, *files)  # noqa: E731
    theirs, ours = paired_times(check_jsonschema, lambda: run(BIN / "uppdrag", "validate", folder), 7)
    # Reported the other way round: how many times faster validate is (goal ≥ 10×).
    return [Row("validate, 508 filer", ours, "check-jsonschema, samma 505 uppdrag", theirs, 10, faster=True)]


def bench_one_network(root: Path, count: int) -> list[Row]:
    small = make_workspace(root / "small", 0)
    large = make_workspace(root / "large", count)
    render = lambda folder: lambda: run(BIN / "uppdrag", "render", "forskola", "--html", "-o", "-", cwd=folder.parent)  # noqa: E731
    ours, baseline = paired_times(render(large), render(small), 9)
    return [Row(f"render forskola --html, {count + 5} nätverk", ours, "samma i 5 nätverk", baseline, 1.2)]


def bench_pdf(root: Path, count: int) -> list[Row]:
    """The five shipped networks to PDF, beside a bare process writing the same HTML with WeasyPrint."""
    folder = make_workspace(root / "pdf", 0)
    html_dir = root / "pdf-html"
    html_dir.mkdir()
    from uppdrag.check.validation import open_workspace
    from uppdrag.output.templates import Renderer, search_path
    from uppdrag.views.document import build_document

    workspace, _ = open_workspace(folder, datetime.date.today())
    renderer = Renderer(search_path(None, None))
    for loaded in workspace.missions:
        page = renderer.render(build_document(loaded, workspace), "html", for_pdf=True)
        (html_dir / f"{loaded.mission.id}.html").write_text(page, encoding="utf-8")
    bare = python(
        "import glob, weasyprint\n"
        f"for p in sorted(glob.glob({str(html_dir / '*.html')!r})):\n"
        f"    weasyprint.HTML(filename=p, base_url={str(renderer.folders[0])!r}).write_pdf(p + '.pdf', pdf_variant='pdf/ua-1', pdf_tags=True)\n"
    )
    ours = lambda: run(BIN / "uppdrag", "render", "--all", "--pdf", "-o", root / "pdf-out", cwd=folder.parent)  # noqa: E731
    ours_seconds, bare_seconds = paired_times(ours, bare, 5)
    return [Row("render --all --pdf, 5 nätverk", ours_seconds, "WeasyPrint, samma HTML", bare_seconds, 1.3)]


def bench_startup(root: Path, count: int) -> list[Row]:
    imports = python("import typer, pydantic, yaml")
    ours, baseline = paired_times(lambda: run(BIN / "uppdrag", "--help"), imports, 15)
    return [Row("uppdrag --help", ours, "import typer, pydantic, yaml", baseline, 2.5)]


BENCHES = {
    "validate": bench_validate,
    "jsonschema": bench_jsonschema,
    "one-network": bench_one_network,
    "pdf": bench_pdf,
    "startup": bench_startup,
}


def _swedish(number: float) -> str:
    return f"{number:.1f}".replace(".", ",").removesuffix(",0")


def report(rows: list[Row]) -> str:
    lines = [
        f"Maskin: {platform.machine()}, {os.cpu_count()} kärnor, Python {platform.python_version()}, {platform.system()}",
        "",
        "| mått | uppdrag | baslinje | kvot | mål | nått |",
        "| --- | ---: | --- | ---: | --- | --- |",
    ]
    for row in rows:
        ratio, goal = f"{_swedish(row.ratio)}×", f"≤ {_swedish(row.goal)}×"
        if row.faster:
            ratio, goal = f"{ratio} snabbare", f"≥ {_swedish(row.goal)}× snabbare"
        baseline = f"{row.baseline_name}: {row.baseline_seconds * 1000:.0f} ms"
        met = "ja" if row.met else "nej"
        lines.append(f"| {row.name} | {row.seconds * 1000:.0f} ms | {baseline} | {ratio} | {goal} | {met} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated: " + ",".join(BENCHES))
    parser.add_argument("--count", type=int, default=1000, help="generated networks for validate and one-network")
    args = parser.parse_args()
    # Bytecode as an installed package (or any run where Python may write it) has: with
    # PYTHONDONTWRITEBYTECODE set, every start would otherwise compile uppdrag's modules again.
    compileall.compile_dir(REPO / "src" / "uppdrag", quiet=1)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only.split(","):
            rows += BENCHES[name](Path(tmp), args.count)
    print(report(rows))


if __name__ == "__main__":
    main()
