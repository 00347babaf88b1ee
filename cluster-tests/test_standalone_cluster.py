"""The jobs jar scales out: a Spark standalone cluster on loopback (a master and two one-core workers,
started with the ``spark-class`` of the pinned pyspark) runs the whole pipeline of a simulated day
(``demo``: simulate, normalise, summarise, aggregate, report, in one application) with
``spark-submit --master spark://...``; the landing files and every silver and gold table equal, row for row,
what the same jar writes with ``--master local[2]``. One submit per master keeps the test to two JVM starts."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from deltalake import DeltaTable

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
CONF = Path(__file__).resolve().parent / "cluster.conf"
HASH_KEY = "cluster-test-hash-key-0123456789"
DAY = "2026-11-20"


@pytest.fixture(scope="module")
def jar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the jobs jar, so that a rebuild during the test does not change it under a running JVM."""
    jars = sorted((ROOT / "jobs" / "target").glob("callstats-lake-jobs-*-spark.jar"))
    if not jars:
        raise RuntimeError("no jobs jar in jobs/target: build it first (./mvnw -DskipTests package, or bin/test)")
    copy = tmp_path_factory.mktemp("jar") / jars[-1].name
    shutil.copyfile(jars[-1], copy)
    return copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(base: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSTATS_LAKE", "SPARK_"))}
    env.update(
        {
            "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
            "SPARK_LOCAL_IP": "127.0.0.1",
            "SPARK_LOG_DIR": str(base / "logs"),
            "CALLSTATS_LAKE_HASH_KEY": HASH_KEY,
        }
    )
    return env


def submit(jar: Path, base: Path, master: str, *args: str) -> None:
    """spark-submit of the jobs jar; fails the test with the last lines of its output."""
    command = [
        str(VENV_BIN / "spark-submit"),
        "--master",
        master,
        "--driver-memory",
        "1g" if master.startswith("spark://") else "2g",
        "--conf",
        "spark.executor.memory=1g",
        "--class",
        "callstats.lake.jobs.cli.Main",
        str(jar),
        *args,
        "--conf",
        str(CONF),
    ]
    t0 = time.monotonic()
    done = subprocess.run(
        command, env=environment(base), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False
    )
    with (base / "submit.log").open("a") as log:
        log.write(f"\n$ {' '.join(command)}  (exit {done.returncode}, {time.monotonic() - t0:.0f} s)\n{done.stdout}")
    if done.returncode != 0:
        tail = "\n".join(done.stdout.splitlines()[-40:])
        raise AssertionError(f"spark-submit {' '.join(args)} on {master} exited {done.returncode}:\n{tail}")


class Standalone:
    """A Spark standalone master and two workers on loopback, each a ``spark-class`` process."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.port = free_port()
        self.ui_port = free_port()
        self.url = f"spark://127.0.0.1:{self.port}"
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, workers: int = 2, timeout: float = 90) -> None:
        self._spawn(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--webui-port",
            str(self.ui_port),
        )
        for i in range(workers):
            self._spawn(
                f"worker-{i}",
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                "1500m",
                "--webui-port",
                str(free_port()),
                "--work-dir",
                str(self.base / f"worker-{i}"),
                self.url,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.alive_workers() == workers:
                return
            for p in self.processes:
                if p.poll() is not None:
                    raise AssertionError(f"a cluster process exited {p.returncode}; logs in {self.base}")
            time.sleep(1)
        raise AssertionError(f"{workers} workers did not register with {self.url} in {timeout} s; logs in {self.base}")

    def alive_workers(self) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.ui_port}/json/", timeout=2) as r:
                return int(json.load(r).get("aliveworkers", 0))
        except OSError:
            return 0

    def _spawn(self, name: str, main: str, *args: str) -> None:
        log = (self.base / f"{name}.log").open("wb")
        self.processes.append(
            subprocess.Popen(
                [str(VENV_BIN / "spark-class"), main, *args],
                env=environment(self.base),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )

    def stop(self) -> None:
        for p in reversed(self.processes):
            p.terminate()
        for p in self.processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Standalone]:
    base = tmp_path_factory.mktemp("standalone")
    standalone = Standalone(base)
    try:
        standalone.start()
        yield standalone
    finally:
        standalone.stop()


def run_demo(jar: Path, base: Path, master: str, landing: Path) -> Path:
    """The demo pipeline for DAY on ``master``: simulated landing files under ``landing`` (rows name their source
    file, so both runs land in the same place; the simulator rewrites the same bytes), the lake under base/lake."""
    lake = base / "lake"
    submit(
        jar,
        base,
        master,
        "demo",
        "--date",
        DAY,
        "--days",
        "1",
        "--calls",
        "8",
        "--lake",
        str(lake),
        "--landing",
        str(landing),
    )
    return lake


def landing_files(landing: Path) -> dict[str, bytes]:
    return {str(p.relative_to(landing)): p.read_bytes() for p in sorted(landing.rglob("*")) if p.is_file()}


def tables(lake: Path, layer: str) -> list[str]:
    root = lake / layer
    return sorted(p.name for p in root.iterdir() if (p / "_delta_log").is_dir())


def contents(table: Path) -> list[str]:
    """Every row as a canonical string, sorted: equal lists mean equal table contents."""
    rows = DeltaTable(str(table)).to_pyarrow_table().to_pylist()
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)


def test_cluster_writes_the_same_tables_as_local(
    jar: Path, cluster: Standalone, tmp_path_factory: pytest.TempPathFactory
) -> None:
    landing = tmp_path_factory.mktemp("landing")
    local = run_demo(jar, tmp_path_factory.mktemp("local"), "local[2]", landing)
    expected_files = landing_files(landing)
    distributed = run_demo(jar, tmp_path_factory.mktemp("cluster"), cluster.url, landing)

    assert cluster.alive_workers() == 2
    assert expected_files, "the simulator landed no files"
    assert landing_files(landing) == expected_files, "the cluster's simulator landed other files"
    for layer in ("silver", "gold"):
        names = tables(local, layer)
        assert names == tables(distributed, layer)
        for name in names:
            expected = contents(local / layer / name)
            actual = contents(distributed / layer / name)
            assert len(actual) == len(expected), f"{layer}.{name}: {len(actual)} rows, local[2] wrote {len(expected)}"
            assert actual == expected, f"{layer}.{name} differs between the cluster and local[2]"
    calls = contents(local / "gold" / "call_summary")
    assert len(calls) > 0, "the simulated day produced no call summaries"
