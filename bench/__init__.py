"""Benchmarks of pact-tui, run with `python -m bench` (`make bench`); see bench/harness.py."""
