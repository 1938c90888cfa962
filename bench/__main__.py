"""`python -m bench [name ...]`: run the benchmark modules, print the table, write results.json."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import pkgutil
import sys
import traceback
from pathlib import Path

from bench.harness import Figure, table, write_results

PACKAGE = Path(__file__).parent


def modules() -> list[str]:
    """The names of every benchmark module, `bench_<name>`, in name order."""
    return sorted(info.name for info in pkgutil.iter_modules([str(PACKAGE)])
                  if info.name.startswith("bench_"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*",
                        help="benchmarks to run, e.g. 'store' for bench_store (default: all)")
    args = parser.parse_args(argv)
    wanted = {f"bench_{name.removeprefix('bench_')}" for name in args.names}
    unknown = wanted - set(modules())
    if unknown:
        parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")
    figures: list[Figure] = []
    failures: dict[str, str] = {}
    skipped: list[str] = []
    for name in modules():
        if wanted and name not in wanted:
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as missing:
            # A baseline needs a test tool (TinyDB) that `make run` does not install.
            skipped.append(f"{name}: skipped, it needs the Python package '{missing.name}': "
                           "run `make bench`, or `pip install -e '.[test]'` first")
            print(skipped[-1], file=sys.stderr, flush=True)
            continue
        try:
            found = module.run()
        except Exception:  # one broken benchmark must not hide the others' figures
            failures[name] = traceback.format_exc()
            print(failures[name], file=sys.stderr)
            continue
        figures.extend(dataclasses.replace(figure, module=name) for figure in found)
    # Written first: a figure measured for minutes is never lost to the printing.
    write_results(figures, failures)
    print(table(figures))
    for line in skipped:
        print(line)
    for name in failures:
        print(f"{name}: FAILED (see stderr and results.json)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
