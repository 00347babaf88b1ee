"""Executes every notebook with a real kernel against the lake the jobs built; the notebooks' last cells assert
the numbers they show against the tables, so a failing assertion, like any error, fails the test."""

from __future__ import annotations

import os
from pathlib import Path

import jupytext
import nbformat
import papermill
import pytest
from conftest import END_DATE, NOTEBOOKS, START_DATE

NAMES = ["getting_started", "call_drilldown", "service_trends", "network_and_precall"]
# Where to keep the executed notebooks (with outputs) for a look; default: the test's tmp dir.
OUT_ENV = "CALLSTATS_NOTEBOOK_OUT"


def parameters(name: str, lake: str) -> dict[str, str]:
    if name == "getting_started":
        return {"lake": lake}
    return {"lake": lake, "start_date": START_DATE, "end_date": END_DATE}


def test_every_notebook_is_executed() -> None:
    sources = {p.stem for p in NOTEBOOKS.glob("*.py") if p.read_text().startswith("# ---\n# jupyter:")}
    assert sources == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_has_a_parameters_cell(name: str) -> None:
    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "lake =" in tagged[0].source


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name: str, lake: str, kernel: str, tmp_path: Path) -> None:
    source = tmp_path / f"{name}.ipynb"
    out_dir = Path(os.environ.get(OUT_ENV, tmp_path))
    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / f"{name}.executed.ipynb"
    jupytext.write(jupytext.read(NOTEBOOKS / f"{name}.py"), source)

    papermill.execute_notebook(
        str(source),
        str(executed),
        parameters=parameters(name, lake),
        cwd=str(NOTEBOOKS),
        kernel_name=kernel,
        progress_bar=False,
        execution_timeout=600,
    )

    result = nbformat.read(executed, as_version=4)
    outputs = [o for c in result.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert figures, "every notebook plots"
    assert "ok:" in "".join(o.get("text", "") for o in outputs if o.output_type == "stream"), "the checks ran"
