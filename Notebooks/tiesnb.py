"""Small helpers shared by the notebooks: find the `ties` binary, run it, read what it writes.

The notebooks read only what `ties` writes (CSV and JSON on standard output) or a store opened read-only.
Commands that write to a store (`ties report` records each week's health) only ever run on a private copy.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

NOTEBOOKS = Path(__file__).resolve().parent
REPO = NOTEBOOKS.parent

# The demo network every notebook uses unless told otherwise (the same as Reports/examples).
DEMO_SEED = 1
DEMO_AS_OF = "2026-11-27"


def find_ties(explicit: str | None = None) -> str:
    """The `ties` executable: the argument, else $TIES_BIN, else this checkout's build, else `ties` on PATH."""
    candidates = [explicit, os.environ.get("TIES_BIN")]
    for candidate in candidates:
        if candidate:
            path = Path(candidate).expanduser()
            if not (path.is_file() and os.access(path, os.X_OK)):
                raise FileNotFoundError(f"ties binary {path} does not exist or is not executable")
            return str(path)
    if shutil.which("swift") and (REPO / "Package.swift").exists():
        bin_dir = subprocess.run(
            ["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout.strip()
        built = Path(bin_dir) / "ties"
        if bin_dir and built.is_file():
            return str(built)
    on_path = shutil.which("ties")
    if on_path:
        return on_path
    raise FileNotFoundError(
        "ties not found: run scripts/notebooks (it builds ties), or set TIES_BIN to the ties executable"
    )


class Ties:
    """Runs one `ties` binary with a fixed time zone (which decides where each day ends)."""

    def __init__(self, binary: str, tz: str = "UTC"):
        self.binary = binary
        self.env = dict(os.environ, TZ=tz, NO_COLOR="1")

    def run(self, *args: str, db: str | Path | None = None) -> str:
        command = [self.binary, *map(str, args)]
        if db is not None:
            command += ["--db", str(db)]
        done = subprocess.run(command, capture_output=True, text=True, env=self.env, check=False)
        if done.returncode != 0:
            shown = " ".join(command[1:])
            raise RuntimeError(f"`ties {shown}` exited with {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def csv(self, *args: str, db: str | Path | None = None, **read_csv) -> pd.DataFrame:
        """A listing as a DataFrame (`--format csv` is added)."""
        text = self.run(*args, "--format", "csv", db=db)
        return unguard(pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""], **read_csv))


def unguard(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo the CSV formula guard: text starting with = + - @ tab or CR is written with a leading '."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(
                lambda v: v[1:] if isinstance(v, str) and len(v) > 1 and v[0] == "'" and v[1] in "=+-@\t\r" else v
            )
    return frame


def copy_store(source: str | Path, target: str | Path) -> Path:
    """Copies a store through SQLite's backup API from a read-only connection: the source is never written."""
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise FileNotFoundError(f"no store at {source}")
    target = Path(target)
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()
    return target


def working_store(ties: Ties, workdir: str | Path, store: str | Path | None = None) -> Path:
    """A private store to work on: a copy of `store`, else a copy of $TIES_DEMO_DB (made by
    scripts/notebooks), else a new demo network (`ties demo --seed 1 --as-of 2026-11-27`)."""
    target = Path(workdir) / "ties.sqlite"
    source = store or os.environ.get("TIES_DEMO_DB")
    if source:
        return copy_store(source, target)
    ties.run("demo", "--seed", str(DEMO_SEED), "--as-of", DEMO_AS_OF, db=target)
    return target


def export_network(ties: Ties, store: str | Path | None, as_of: str, out: str | Path, weeks: int = 52) -> Path:
    """Writes everything network-health.ipynb reads into the folder `out`, using only `ties` commands:
    people.csv, scores.csv, scores-4-weeks-earlier.csv, ties.csv, clusters.csv, brokers.csv, bridges.csv,
    gaps.csv, and reports/YYYY-MM-DD.json, one weekly report for each of the `weeks` weeks before `as_of`.
    `store` is copied first (None: the demo network), because `ties report` records each week's health."""
    out = Path(out)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        db = working_store(ties, workdir, store)
        day = date.fromisoformat(as_of)
        earlier = (day - timedelta(days=28)).isoformat()
        listings = {
            "people.csv": ["person", "list"],
            "scores.csv": ["score", "--as-of", as_of],
            "scores-4-weeks-earlier.csv": ["score", "--as-of", earlier],
            "ties.csv": ["tie", "list"],
            "clusters.csv": ["graph", "clusters", "--as-of", as_of],
            "brokers.csv": ["graph", "brokers", "--limit", "1000000", "--as-of", as_of],
            "bridges.csv": ["graph", "bridges", "--as-of", as_of],
            "gaps.csv": ["gaps", "--as-of", as_of],
        }
        for name, args in listings.items():
            (out / name).write_text(ties.run(*args, "--format", "csv", db=db), newline="")
        # Oldest first, as a user running the report every week would have done.
        for k in range(weeks, -1, -1):
            week = (day - timedelta(days=7 * k)).isoformat()
            (out / "reports" / f"{week}.json").write_text(ties.run("report", "--as-of", week, "--format", "json", db=db))
    return out


def read_csv(path: str | Path, **options) -> pd.DataFrame:
    """A CSV written by `ties ... --format csv`."""
    return unguard(pd.read_csv(path, keep_default_na=False, na_values=[""], **options))


def read_only(store: str | Path) -> sqlite3.Connection:
    """A read-only connection to a store."""
    path = Path(store).expanduser().resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no store at {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Export a store for network-health.ipynb (the store is not changed).")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write the CSV and JSON files network-health.ipynb reads")
    export.add_argument("--db", help="the store (default: a new demo network)")
    export.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    export.add_argument("--weeks", type=int, default=52)
    export.add_argument("--tz", default=os.environ.get("TZ", "UTC"))
    export.add_argument("--ties", help="the ties executable (default: $TIES_BIN, this checkout's build, PATH)")
    export.add_argument("--out", required=True, help="the folder to write")
    arguments = parser.parse_args()
    folder = export_network(Ties(find_ties(arguments.ties), arguments.tz), arguments.db, arguments.as_of,
                            arguments.out, arguments.weeks)
    print(f"wrote {folder}", file=sys.stderr)
