"""Benchmark: wall time from `python main.py --db <demo db>` until the main window has painted.

Prepares a demo database and a settings state in which no first-run dialog shows (a temporary
SAHELSTOCK_HOME, and XDG_CONFIG_HOME holding SahelStock/SahelStock.conf with the language, the
database and the facility), then starts the application again and again, offscreen, with
SAHELSTOCK_STARTUP_PROBE=1: gui/app.py prints the time once the window and its first screen
(the dashboard, with data) have painted, and quits. Also runs `python -X importtime` once and
prints where the import time goes, and which heavy modules were loaded. Asserts nothing.

    python benchmarks/bench_gui_startup.py [--runs 15] [--db PATH] [--facility CODE]

Linux only as written (QSettings' native format is an INI file under XDG_CONFIG_HOME there).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAIN = REPO / "main.py"
HEAVY = (
    "sqlalchemy",
    "alembic",
    "mako",
    "matplotlib",
    "numpy",
    "openpyxl",
    "python_calamine",
    "platformdirs",
)


def log(message: str) -> None:
    print(message, flush=True)


def environment(home: Path, config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SAHELSTOCK_HOME=str(home),
        XDG_CONFIG_HOME=str(config),
        SAHELSTOCK_STARTUP_PROBE="1",
    )
    return env


def write_settings(config: Path, db: Path, facility: str) -> None:
    """The state after a first run: language chosen, this database and facility last used."""
    folder = config / "SahelStock"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "SahelStock.conf").write_text(
        f"[General]\nlanguage=fr\nlast_database={db}\nlast_facility={facility}\n",
        encoding="utf-8",
    )


def make_demo(db: Path, env: dict[str, str]) -> None:
    if db.exists():
        return
    log(f"Creating the demo database {db} …")
    subprocess.run(
        [sys.executable, str(MAIN), "--db", str(db), "demo"],
        env={k: v for k, v in env.items() if k != "SAHELSTOCK_STARTUP_PROBE"},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def one_run(db: Path, env: dict[str, str], extra: list[str] | None = None) -> tuple[float, str]:
    """Seconds from spawning the process until the probe line, and the process's stderr."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, *(extra or []), str(MAIN), "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"startup-probe shown_at=([0-9.]+)", done.stdout)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"the application did not start:\n{done.stdout}\n{done.stderr}")
    return float(found.group(1)) - started, done.stderr


def interpreter_floor(env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median seconds for `python -c pass` and for importing QtWidgets and making a window."""
    bare, qt = [], []
    window = (
        "from PySide6.QtWidgets import QApplication, QMainWindow; a = QApplication([]); "
        "w = QMainWindow(); w.show(); a.processEvents()"
    )
    for _ in range(runs):
        for code, sink in (("pass", bare), (window, qt)):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            sink.append(time.perf_counter() - started)
    return statistics.median(bare), statistics.median(qt)


def import_breakdown(stderr: str) -> tuple[dict[str, float], list[tuple[float, str]]]:
    """Import time spent in each top-level package's own modules (self times summed, so
    sqlalchemy counts as sqlalchemy even when db imported it), and the slowest modules."""
    per_package: dict[str, float] = {}
    modules: list[tuple[float, str]] = []
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)", line)
        if not match:
            continue
        self_us, _cumulative_us, name = match.groups()
        modules.append((int(self_us) / 1e6, name))
        top = name.split(".")[0]
        per_package[top] = per_package.get(top, 0.0) + int(self_us) / 1e6
    return per_package, sorted(modules, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, help="an existing demo database (else one is made)")
    parser.add_argument("--facility", default="CSCOM-SEVARE")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sahelstock-startup-") as tmp:
        root = Path(tmp)
        home, config = root / "home", root / "config"
        home.mkdir()
        env = environment(home, config)
        db = (args.db or root / "demo.db").resolve()
        make_demo(db, env)
        write_settings(config, db, args.facility)

        log(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPU")
        one_run(db, env)  # warm the operating system's file cache
        times = [one_run(db, env)[0] for _ in range(args.runs)]
        times.sort()
        p90 = times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
        log(
            f"main window shown with the dashboard of {args.facility}, {args.runs} runs: "
            f"median {statistics.median(times) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms, "
            f"min {times[0] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
        )
        bare, qt = interpreter_floor(env, 5)
        log(
            f"for comparison: `python -c pass` {bare * 1000:.0f} ms; PySide6 QMainWindow shown "
            f"{qt * 1000:.0f} ms"
        )

        _, stderr = one_run(db, env, ["-X", "importtime"])
        per_package, slowest = import_breakdown(stderr)
        total = sum(per_package.values())
        log(f"\nimports at start-up (python -X importtime, one run): {total * 1000:.0f} ms")
        for name, seconds in sorted(per_package.items(), key=lambda kv: -kv[1])[:15]:
            log(f"  {name:<28} {seconds * 1000:7.1f} ms")
        log("slowest single modules (self time):")
        for seconds, name in slowest[:10]:
            log(f"  {name:<40} {seconds * 1000:7.1f} ms")
        loaded = {name.split(".")[0] for _, name in slowest}
        log("heavy packages loaded: " + (", ".join(h for h in HEAVY if h in loaded) or "none"))
        log("heavy packages not loaded: " + ", ".join(h for h in HEAVY if h not in loaded))


if __name__ == "__main__":
    main()
