"""Test set-up: one small lake built by the jobs from simulator data, shared by every test of the session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1]
ROOT = NOTEBOOKS.parent
# Two simulated days (the last one fixed, so that runs are comparable), few calls: every table gets rows and the
# notebooks' plots have two points per trend, in about two minutes on two cores.
DEMO_ARGS = ["--date", "2026-11-20", "--days", "2", "--calls", "30", "--seed", "7"]
START_DATE = "2026-11-19"
END_DATE = "2026-11-20"
# A lake the jobs built earlier with DEMO_ARGS, to reuse while working on the notebooks (never removed).
REUSE_ENV = "CALLSTATS_NOTEBOOK_TEST_LAKE"


@pytest.fixture(scope="session")
def lake() -> Iterator[str]:
    """The lake's path: `bin/callstats-lake demo` runs simulate, normalise, summarise and aggregate into it."""
    reused = os.environ.get(REUSE_ENV)
    if reused:
        yield reused
        return
    work = Path(tempfile.mkdtemp(prefix="callstats-notebooks-"))
    lake_dir = work / "lake"
    started = time.monotonic()
    subprocess.run(
        [
            str(ROOT / "bin" / "callstats-lake"),
            "demo",
            "--lake",
            str(lake_dir),
            "--landing",
            str(lake_dir / "landing"),
            *DEMO_ARGS,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "CALLSTATS_LAKE_TMP": str(work / "spark-tmp"), "CALLSTATS_LAKE_HEAP": "2g"},
    )
    print(f"lake built by the jobs in {time.monotonic() - started:.0f} s: {lake_dir}")
    yield str(lake_dir)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A kernel spec of this environment's Python, found first (JUPYTER_PATH), so that the notebooks run in the
    pinned environment whatever kernels the machine has installed."""
    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / "callstats-notebooks"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "callstats", "language": "python"}))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(jupyter), os.environ.get("JUPYTER_PATH")]))
    return "callstats-notebooks"
