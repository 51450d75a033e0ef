"""Benchmarks: uppdrag's costs beside bare baselines measured in the same run.

    make bench            # or: .venv/bin/python benchmarks/run.py [--only validate,render]

Each figure is the median of several runs; what matters is the ratio to its baseline, which
is measured in the same process on the same machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MISSIONS = REPO / "missions"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(*argv: str | Path, cwd: Path | None = None) -> None:
    subprocess.run([str(a) for a in argv], check=False, capture_output=True, cwd=cwd)


def make_workspace(root: Path, count: int) -> Path:
    """count valid missions, varied copies of the shipped forskola, beside the shared files."""
    folder = root / "missions"
    folder.mkdir(parents=True)
    for shared in MISSIONS.glob("_*.yaml"):
        shutil.copy(shared, folder)
    template = (MISSIONS / "forskola.yaml").read_text(encoding="utf-8")
    for index in range(count):
        mission_id = f"natverk-{index:04d}"
        text = template.replace("id: forskola", f"id: {mission_id}").replace("namn: Förskola", f"namn: Nätverk {index}")
        (folder / f"{mission_id}.yaml").write_text(text, encoding="utf-8")
    return folder


def report(rows: list[tuple[str, float, str, float]]) -> None:
    print(f"{'mått':44} {'uppdrag':>12} {'baslinje':>34} {'kvot':>7}")
    for name, value, baseline_name, baseline in rows:
        print(f"{name:44} {value * 1000:10.2f}ms {baseline_name:>22} {baseline * 1000:9.2f}ms {value / baseline:7.1f}")


def bench_startup(root: Path, count: int) -> list[tuple[str, float, str, float]]:
    python = median_seconds(lambda: run(sys.executable, "-c", "pass"), 15)
    help_ = median_seconds(lambda: run(BIN / "uppdrag", "--help"), 15)
    return [("uppdrag --help (start)", help_, "python -c pass", python)]


def bench_validate(root: Path, count: int) -> list[tuple[str, float, str, float]]:
    import yaml

    folder = make_workspace(root / "validate", count)
    files = sorted(folder.glob("*.yaml"))

    def bare_load() -> None:
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    bare = median_seconds(bare_load, 5) / len(files)
    whole = median_seconds(lambda: run(BIN / "uppdrag", "validate", folder), 5) / len(files)
    return [(f"validate per fil ({count} filer, hela kommandot)", whole, "yaml CSafeLoader per fil", bare)]


def bench_render(root: Path, count: int) -> list[tuple[str, float, str, float]]:
    """Per-document cost of Markdown and PDF in one process, beside a bare WeasyPrint render
    of the very same HTML (which is what the PDF cost is mostly made of)."""
    import datetime as dt

    import weasyprint

    from uppdrag.check.validation import open_workspace
    from uppdrag.output.templates import Renderer, render_output, search_path
    from uppdrag.views.document import build_document

    workspace, _ = open_workspace(MISSIONS, dt.date.today())
    renderer = Renderer(search_path(None, None))
    documents = [build_document(m, workspace) for m in workspace.missions]
    html = [renderer.render(d, "html", for_pdf=True) for d in documents]
    render_output(renderer, documents[0], "pdf", "pdf/ua-1")  # warm up: WeasyPrint's imports and font setup

    def markdown() -> None:
        for document in documents:
            renderer.render(document, "md")

    def pdf() -> None:
        for document in documents:
            render_output(renderer, document, "pdf", "pdf/ua-1")

    def bare() -> None:
        for page in html:
            weasyprint.HTML(string=page, base_url=str(renderer.folders[0])).write_pdf()

    def bare_markdown() -> None:
        for document in documents:
            "\n".join(str(v) for v in vars(document).values())

    n = len(documents)
    return [
        (
            "render Markdown per dokument",
            median_seconds(markdown, 20) / n,
            "str() av samma data",
            median_seconds(bare_markdown, 20) / n,
        ),
        (
            "render PDF/UA per dokument",
            median_seconds(pdf, 3) / n,
            "WeasyPrint, samma HTML",
            median_seconds(bare, 3) / n,
        ),
    ]


BENCHES = {"startup": bench_startup, "validate": bench_validate, "render": bench_render}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated: " + ",".join(BENCHES))
    parser.add_argument("--count", type=int, default=1000, help="missions to generate for validate")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only.split(","):
            rows += BENCHES[name](Path(tmp), args.count)
    report(rows)


if __name__ == "__main__":
    main()
