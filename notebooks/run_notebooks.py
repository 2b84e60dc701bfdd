#!/usr/bin/env python3
"""Run the researcher notebooks headless, e.g. in CI after the sample run.

    python notebooks/run_notebooks.py [--lake out/lake] [--output-dir out/notebooks] [NOTEBOOK ...]

Executes every notebooks/*.ipynb (or the ones named) with nbclient on the ``python3`` kernel of
the Python that runs this script, with the notebooks folder as working directory and
PALVELUTUTKA_LAKE set for the kernels. Executed copies go to the output directory, never over
the committed notebooks. Exits 1 when a cell fails (naming the notebook, the cell and the error)
or when a committed notebook is not clean (has outputs or execution counts); exits 2 on bad
arguments or setup.

    python notebooks/run_notebooks.py --check-only   # only the cleanliness check, no execution
    python notebooks/run_notebooks.py --strip        # clear outputs in place before committing
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def problems_of(nb):
    """Why a notebook is not clean: outputs, execution counts or run metadata in code cells."""
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            found.append(f"cell {i}: has {len(cell.outputs)} output(s)")
        if cell.get("execution_count") is not None:
            found.append(f"cell {i}: execution_count is {cell.execution_count}, not null")
        if "execution" in cell.get("metadata", {}):
            found.append(f"cell {i}: has execution timing metadata")
    return found


def strip(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    return nb


def failing_cell(nb):
    """Index and source of the first cell whose outputs hold an error."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return i, cell.source
    return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: notebooks/*.ipynb)")
    ap.add_argument("--lake", help="lake folder (default: $PALVELUTUTKA_LAKE, else out/lake of this repository)")
    ap.add_argument("--output-dir", type=Path, default=REPO / "out" / "notebooks",
                    help="where executed copies are written (default: out/notebooks of this repository)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    ap.add_argument("--check-only", action="store_true", help="only check that the notebooks are clean")
    ap.add_argument("--strip", action="store_true", help="clear outputs and execution counts in place, then exit")
    args = ap.parse_args()

    import nbformat

    paths = [p.resolve() for p in args.notebooks] or sorted(HERE.glob("*.ipynb"))
    if not paths:
        print(f"no notebooks in {HERE}", file=sys.stderr)
        return 2
    for p in paths:
        if not p.is_file():
            print(f"no such notebook: {p}", file=sys.stderr)
            return 2

    if args.strip:
        for p in paths:
            nb = nbformat.read(p, as_version=4)
            if problems_of(nb):
                nbformat.write(strip(nb), p)
                print(f"stripped {p.name}")
        return 0

    dirty = {}
    for p in paths:
        found = problems_of(nbformat.read(p, as_version=4))
        if found:
            dirty[p] = found
            print(f"NOT CLEAN {p.name}: " + "; ".join(found[:5]) + (" ..." if len(found) > 5 else ""))
    if dirty:
        print(f"{len(dirty)} notebook(s) carry outputs; clear them with "
              "`python notebooks/run_notebooks.py --strip` (or Jupyter's 'Clear All Outputs') before committing")
    if args.check_only:
        if not dirty:
            print(f"{len(paths)} notebook(s) clean")
        return 1 if dirty else 0

    # Execution setup: lake, output folder, kernel.
    lake = args.lake or os.environ.get("PALVELUTUTKA_LAKE") or str(REPO / "out" / "lake")
    lake = Path(lake).expanduser().resolve()
    if not (lake / "reviews").is_dir():
        print(f"no lake at {lake} (no reviews table): run the sample job first, or pass --lake", file=sys.stderr)
        return 2
    out_dir = args.output_dir.expanduser().resolve()
    if out_dir == HERE:
        print("the output directory must not be the notebooks folder", file=sys.stderr)
        return 2
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ["PALVELUTUTKA_LAKE"] = str(lake)
    try:  # the kernels run this interpreter: make Spark use its own pyspark, not another SPARK_HOME
        import pyspark

        own = str(Path(pyspark.__file__).resolve().parent)
        if os.environ.get("SPARK_HOME") not in (None, own):
            print(f"note: SPARK_HOME={os.environ['SPARK_HOME']} replaced by {own} for the kernels")
        os.environ["SPARK_HOME"] = own
    except ImportError:
        pass

    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        print("no python3 kernel: pip install ipykernel into this environment", file=sys.stderr)
        return 2
    kernel_python = spec.argv[0] if os.path.isabs(spec.argv[0]) else sys.executable
    print(f"lake: {lake}\noutput: {out_dir}\nkernel: python3 ({kernel_python})")

    failed = []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        client = NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(HERE)}})
        start = time.monotonic()
        error = None
        log_path = out_dir / f"{p.stem}.kernel.log"
        try:
            with open(log_path, "w", encoding="utf-8") as log:  # kernel and JVM start-up chatter
                client.execute(stderr=log)
        except CellExecutionError as e:
            index, _ = failing_cell(nb)
            where = f"cell {index + 1} of {len(nb.cells)}" if index is not None else "a cell"
            error = f"{where} failed: {e.ename}: {e.evalue}"
            detail = ANSI.sub("", str(e))
        except CellTimeoutError as e:
            error, detail = f"a cell timed out after {args.timeout} s", ANSI.sub("", str(e))
        except DeadKernelError as e:
            log_tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
            error, detail = "the kernel died", "\n".join([str(e), f"last lines of {log_path}:", *log_tail])
        except Exception as e:  # e.g. the kernel did not start: report it and go on with the next notebook
            error, detail = f"{type(e).__name__}: {e}", f"see {log_path}"
        elapsed = time.monotonic() - start
        target = out_dir / p.name
        nbformat.write(nb, target)
        if error is None:
            print(f"ok    {p.name:<32} {elapsed:6.1f} s  -> {target}", flush=True)
        else:
            failed.append(p.name)
            print(f"FAIL  {p.name:<32} {elapsed:6.1f} s  {error}  (executed copy: {target})", flush=True)
            print("      " + "\n      ".join(detail.strip().splitlines()[-40:]), flush=True)

    ran = len(paths)
    print(f"notebooks: {ran - len(failed)} passed, {len(failed)} failed")
    if dirty:
        print(f"failing: {len(dirty)} committed notebook(s) not clean: " + ", ".join(p.name for p in dirty))
    return 1 if failed or dirty else 0


if __name__ == "__main__":
    sys.exit(main())
