"""A throwaway Airflow installation that runs the real DAGs against a lake in a temporary directory.

Airflow runs as the ``airflow`` CLI of this virtualenv with its own home and SQLite database; tasks submit
the jobs jar with the ``spark-submit`` of the pinned pyspark to ``local[2]``. Everything a deployment
would configure comes in as ``AIRFLOW_CONN_*`` / ``AIRFLOW_VAR_*`` environment variables, as it may in
production; the hash key comes only from its connection.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from deltalake import DeltaTable

ROOT = Path(__file__).resolve().parents[2]
DAGS = ROOT / "airflow-dags" / "dags"
VENV_BIN = Path(sys.executable).parent
HASH_KEY = "e2e-hash-key-0123456789"


def jobs_jar() -> Path:
    jars = sorted((ROOT / "jobs" / "target").glob("callstats-lake-jobs-*-spark.jar"))
    if not jars:
        raise RuntimeError("no jobs jar in jobs/target: build it first (./mvnw -DskipTests package, or bin/test)")
    return jars[-1]


@dataclass
class Run:
    command: list[str]
    returncode: int
    output: str
    seconds: float


@dataclass
class AirflowLake:
    """An Airflow home, a lake and a landing zone under ``base``."""

    base: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def home(self) -> Path:
        return self.base / "airflow"

    @property
    def lake(self) -> Path:
        return self.base / "lake"

    @property
    def landing(self) -> Path:
        return self.base / "landing"

    @classmethod
    def create(cls, base: Path) -> AirflowLake:
        lake = cls(base)
        for d in (lake.home, lake.lake, lake.landing):
            d.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "CALLSTATS_LAKE"))}
        env.update(
            {
                "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
                "AIRFLOW_HOME": str(lake.home),
                "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{lake.home}/airflow.db",
                "AIRFLOW_CONN_CALLSTATS_LAKE_SPARK": json.dumps({"conn_type": "spark", "host": "local[2]"}),
                "AIRFLOW_CONN_CALLSTATS_LAKE_HASH_KEY": json.dumps({"conn_type": "generic", "password": HASH_KEY}),
                "AIRFLOW_VAR_CALLSTATS_LAKE_JAR": str(jobs_jar()),
                "AIRFLOW_VAR_CALLSTATS_LAKE_CONF_FILE": str(ROOT / "airflow-dags" / "tests" / "e2e.conf"),
                "AIRFLOW_VAR_CALLSTATS_LAKE_URI": str(lake.lake),
                "AIRFLOW_VAR_CALLSTATS_LANDING_URI": str(lake.landing),
                "CALLSTATS_LAKE_RETRIES": "0",
                "SPARK_LOCAL_IP": "127.0.0.1",
                "PYTHONUNBUFFERED": "1",
            }
        )
        lake.env = env
        lake.run_ok("airflow", "db", "migrate")
        return lake

    def run(self, *command: str, timeout: float = 900) -> Run:
        """Runs a command of this virtualenv (``airflow ...``) or the project (``bin/...``), output kept in a log."""
        exe = str(VENV_BIN / command[0]) if (VENV_BIN / command[0]).exists() else str(ROOT / command[0])
        t0 = time.monotonic()
        done = subprocess.run(
            [exe, *command[1:]],
            env=self.env,
            cwd=self.base,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
            check=False,
        )
        log = self.base / "commands.log"
        with log.open("a") as f:
            f.write(f"\n$ {' '.join(command)}  (exit {done.returncode})\n{done.stdout}")
        return Run(list(command), done.returncode, done.stdout, time.monotonic() - t0)

    def run_ok(self, *command: str, timeout: float = 900) -> Run:
        r = self.run(*command, timeout=timeout)
        if r.returncode != 0:
            tail = "\n".join(r.output.splitlines()[-60:])
            raise AssertionError(f"{' '.join(command)} exited {r.returncode}; last lines:\n{tail}")
        return r

    def table(self, layer: str, name: str) -> DeltaTable:
        return DeltaTable(str(self.lake / layer / name))

    def tables(self, layer: str) -> list[str]:
        root = self.lake / layer
        return sorted(p.name for p in root.iterdir() if (p / "_delta_log").is_dir()) if root.is_dir() else []

    def rows(self, layer: str, name: str) -> int:
        return self.table(layer, name).to_pyarrow_table().num_rows

    def contents(self, layer: str, name: str) -> list[str]:
        """Every row of a table as a sorted list of strings: equal lists mean equal contents."""
        return sorted(
            json.dumps(r, sort_keys=True, default=str) for r in self.table(layer, name).to_pyarrow_table().to_pylist()
        )

    def snapshot(self, layer: str) -> dict[str, list[str]]:
        return {name: self.contents(layer, name) for name in self.tables(layer)}
